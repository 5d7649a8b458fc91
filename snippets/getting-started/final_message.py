"""Stream a reply, then read the whole message the SDK assembled from the
events."""

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
        print()
        # Inside the `with` block: the connection is still open, and this reads
        # to the end.
        message = stream.get_final_message()

    print(f"stop_reason: {message.stop_reason}")
    print(f"input tokens: {message.usage.input_tokens}")
    print(f"output tokens: {message.usage.output_tokens}")


if __name__ == "__main__":
    main()
