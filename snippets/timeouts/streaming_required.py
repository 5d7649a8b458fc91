"""A non-streaming call with a large max_tokens fails before it is sent."""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()
    message = client.messages.create(
        model=MODEL,
        max_tokens=64000,
        messages=[
            {"role": "user", "content": "Tell me a story about a lighthouse."}
        ],
    )
    print(message.content[0].text)


if __name__ == "__main__":
    main()
