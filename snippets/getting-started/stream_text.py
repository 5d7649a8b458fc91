"""Stream a reply and print the text as it arrives."""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    # reads ANTHROPIC_API_KEY from the environment
    client = anthropic.Anthropic()

    with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
    ) as stream:
        for text in stream.text_stream:
            print(text, end="", flush=True)
        print()


if __name__ == "__main__":
    main()
