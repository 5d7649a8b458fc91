"""A plain streaming loop with no error handling: each failure reaches the
reader as it first appears.
"""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    # --8<-- [start:client]
    # reads ANTHROPIC_API_KEY from the environment
    client = anthropic.Anthropic()
    # --8<-- [end:client]
    # --8<-- [start:loop]
    with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
    ) as stream:
        for text in stream.text_stream:
            print(text, end="", flush=True)
        message = stream.get_final_message()
    # --8<-- [end:loop]
    print()
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    main()
