"""Stop reading a stream part-way; leaving the `with` block closes the
connection at once."""

import anthropic

MODEL = "claude-sonnet-5-5"
LINES_WANTED = 3


def main() -> None:
    client = anthropic.Anthropic()
    lines = 0
    with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        messages=[
            {"role": "user", "content": "Count from 1 to 40, one line each."}
        ],
    ) as stream:
        for text in stream.text_stream:
            print(text, end="", flush=True)
            lines += text.count("\n")
            if lines >= LINES_WANTED:
                break
        else:
            # the reply ended first (a short one, a refusal): nothing to stop
            reason = stream.get_final_message().stop_reason
            print(f"\n[the reply ended by itself; stop_reason: {reason}]")
            return
    # Out of the `with` block: the connection is closed.
    print(f"[stopped after {lines} lines; connection closed]")


if __name__ == "__main__":
    main()
