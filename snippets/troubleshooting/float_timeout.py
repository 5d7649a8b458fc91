"""A mistake: a float timeout, advised "to raise the read timeout", sets every
limit, so it lowers the read limit (600 s by default).
"""

import os

import anthropic

MODEL = "claude-sonnet-5-5"
# the 60.0 of the advice; CLIENT_TIMEOUT_SECONDS overrides it
TIMEOUT = float(os.environ.get("CLIENT_TIMEOUT_SECONDS", "60.0"))


def main() -> None:
    client = anthropic.Anthropic(timeout=TIMEOUT)
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
