"""Mixing the two ways to call the API: create() returns a finished Message,
not a stream.

`client.messages.create(...)` without `stream=True` waits for the whole reply
and returns a `Message`; only `client.messages.stream(...)` gives an object
with `text_stream`.
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
