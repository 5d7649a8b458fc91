"""Stream a reply, then print the tokens the whole request used."""

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
        message = stream.get_final_message()

    usage = message.usage
    print(f"input tokens:  {usage.input_tokens}")
    # prompt-cache counts: None when the reply does not report them
    print(f"cache writes:  {usage.cache_creation_input_tokens or 0}")
    print(f"cache reads:   {usage.cache_read_input_tokens or 0}")
    print(f"output tokens: {usage.output_tokens}")
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    main()
