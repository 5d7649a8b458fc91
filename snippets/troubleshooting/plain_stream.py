"""A plain streaming loop with no error handling, to see each failure as it
first appears.

This is the program most readers start from. The troubleshooting page runs it
against each fault and shows the last line of what it printed: the error a
reader actually sees.
"""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
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
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    main()
