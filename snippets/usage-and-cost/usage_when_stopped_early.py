"""Stop a stream early and print what its usage says at that point."""

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
