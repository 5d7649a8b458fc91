"""A mistake: create() without stream=True returns a finished Message, which
has no text_stream.
"""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()
    response = client.messages.create(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
    )
    for text in response.text_stream:
        print(text, end="", flush=True)


if __name__ == "__main__":
    main()
