"""Stop a stream early, and see what its usage tells you at that point.

Leaving the `with` block closes the connection. The final usage would have
arrived in message_delta, which a stopped stream never receives: the snapshot
still holds message_start's figures. Count the deltas you received for a rough
idea of how much was sent (what is billed for a stream closed early is not
documented).
"""

import anthropic

MODEL = "claude-sonnet-5-5"
STOP_AFTER = 10  # text deltas


def main() -> None:
    client = anthropic.Anthropic()

    received = 0
    with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        messages=[
            {"role": "user", "content": "Tell me a story about a lighthouse."}
        ],
    ) as stream:
        for text in stream.text_stream:
            print(text, end="", flush=True)
            received += 1
            if received == STOP_AFTER:
                break
        snapshot = stream.current_message_snapshot
    print("\n[stopped]")

    print(f"stop_reason: {snapshot.stop_reason}")
    print(f"input tokens (from message_start): {snapshot.usage.input_tokens}")
    print(
        "output tokens in the snapshot: "
        f"{snapshot.usage.output_tokens} (not updated yet)"
    )
    print(
        f"text deltas received: {received} (a rough guide, not a token count)"
    )


if __name__ == "__main__":
    main()
