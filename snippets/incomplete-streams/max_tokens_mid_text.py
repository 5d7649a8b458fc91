"""Notice a reply cut off by max_tokens (here a tiny budget of 8) and ask
again with a larger one."""

import anthropic

MODEL = "claude-sonnet-5-5"
PROMPT = "Write a haiku about rivers."


def ask(
    client: anthropic.Anthropic, max_tokens: int
) -> anthropic.types.Message:
    with client.messages.stream(
        model=MODEL,
        max_tokens=max_tokens,
        messages=[{"role": "user", "content": PROMPT}],
    ) as stream:
        for text in stream.text_stream:
            print(text, end="", flush=True)
        message = stream.get_final_message()
    print()
    print(
        f"(stop_reason: {message.stop_reason}, output "
        f"tokens: {message.usage.output_tokens})"
    )
    return message


def main() -> None:
    client = anthropic.Anthropic()
    # --8<-- [start:raise-budget]
    message = ask(client, max_tokens=8)
    if message.stop_reason == "max_tokens":
        print("Cut off by max_tokens: asking again with a larger budget.")
        ask(client, max_tokens=1024)
    # --8<-- [end:raise-budget]


if __name__ == "__main__":
    main()
