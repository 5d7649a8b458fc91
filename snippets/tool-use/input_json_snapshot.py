"""Watch a tool call's input take shape with the SDK's input_json events."""

import anthropic

MODEL = "claude-sonnet-5-5"

WEATHER_TOOL = {
    "name": "get_weather",
    "description": "Current weather for a city.",
    "input_schema": {
        "type": "object",
        "properties": {"city": {"type": "string"}, "unit": {"type": "string"}},
        "required": ["city"],
    },
}


def main() -> None:
    client = anthropic.Anthropic()

    with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        tools=[WEATHER_TOOL],
        messages=[
            {"role": "user", "content": "What is the weather in Paris?"}
        ],
    ) as stream:
        for event in stream:
            if event.type == "input_json":
                print(
                    f"{event.partial_json!r:>20} -> snapshot {event.snapshot}"
                )
            elif (
                event.type == "content_block_stop"
                and event.content_block.type == "tool_use"
            ):
                block = event.content_block
                print(f"complete: {block.name}({block.input}) id={block.id}")
        message = stream.get_final_message()
    # the reply is not the tool call shown (refused, cut short): say why
    if message.stop_reason != "tool_use":
        print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    main()
