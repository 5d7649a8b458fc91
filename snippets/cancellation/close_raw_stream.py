"""Close a create(stream=True) stream early with close(), in a `finally`."""

import anthropic

MODEL = "claude-sonnet-5-5"
LINES_WANTED = 3


def main() -> None:
    client = anthropic.Anthropic()
    stream = client.messages.create(
        model=MODEL,
        max_tokens=1024,
        messages=[
            {"role": "user", "content": "Count from 1 to 40, one line each."}
        ],
        stream=True,
    )
    lines = 0
    reason = None
    try:
        for event in stream:
            if (
                event.type == "content_block_delta"
                and event.delta.type == "text_delta"
            ):
                print(event.delta.text, end="", flush=True)
                lines += event.delta.text.count("\n")
                if lines >= LINES_WANTED:
                    break
            elif event.type == "message_delta":
                reason = event.delta.stop_reason
        else:
            # the reply ended first (a short one, a refusal): nothing to stop
            print(f"\n[the reply ended by itself; stop_reason: {reason}]")
            return
    finally:
        stream.close()
    print(f"[stopped after {lines} lines; connection closed]")


if __name__ == "__main__":
    main()
