"""Read a stream's token usage right: message_delta's usage replaces message_start's.

message_start reports the input tokens and a first, tiny output count; each message_delta
reports the totals so far. Adding the two counts some tokens twice. The SDK's final message
holds the right totals.
"""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()

    with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
    ) as stream:
        for event in stream:
            if event.type == "message_start":
                start = event.message.usage
                print(f"message_start: input={start.input_tokens} output={start.output_tokens}")
            elif event.type == "message_delta":
                delta = event.usage
                print(f"message_delta: input={delta.input_tokens} output={delta.output_tokens}")
        message = stream.get_final_message()

    wrong_in = start.input_tokens + (delta.input_tokens or 0)
    wrong_out = start.output_tokens + delta.output_tokens
    print(f"wrong (start + delta): input={wrong_in} output={wrong_out}")
    print(f"right (last delta):    input={delta.input_tokens} output={delta.output_tokens}")
    print(
        f"final message usage:   input={message.usage.input_tokens} output={message.usage.output_tokens}"
    )


if __name__ == "__main__":
    main()
