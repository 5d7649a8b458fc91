"""Stream a request with a large max_tokens, and still get one Message at the
end."""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()
    # --8<-- [start:stream-long]
    with client.messages.stream(
        model=MODEL,
        max_tokens=64000,
        messages=[
            {"role": "user", "content": "Tell me a story about a lighthouse."}
        ],
    ) as stream:
        message = stream.get_final_message()
    # --8<-- [end:stream-long]
    print(message.content[0].text)
    print(
        f"stop_reason: {message.stop_reason}, output "
        f"tokens: {message.usage.output_tokens}"
    )


if __name__ == "__main__":
    main()
