"""Tell a complete reply from one that stopped part-way, with stream(): only
a stop_reason of None gives it away."""

import sys

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> int:
    client = anthropic.Anthropic()
    with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
    ) as stream:
        for text in stream.text_stream:
            print(text, end="", flush=True)
        message = stream.get_final_message()
    print()

    # --8<-- [start:check-stop-reason]
    if message.stop_reason is None:
        print(
            "INCOMPLETE: the stream ended before its stop_reason "
            "arrived; do not use this text as a reply."
        )
        return 1
    # --8<-- [end:check-stop-reason]
    print(f"complete (stop_reason: {message.stop_reason})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
