"""Never run a tool whose input was cut off by max_tokens: check stop_reason
first."""

import sys

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


def main() -> int:
    client = anthropic.Anthropic()
    with client.messages.stream(
        model=MODEL,
        max_tokens=10,  # deliberately too small for the tool call
        tools=[WEATHER_TOOL],
        messages=[
            {"role": "user", "content": "What is the weather in Paris?"}
        ],
    ) as stream:
        message = stream.get_final_message()

    for block in message.content:
        if block.type == "tool_use":
            print(f"tool_use {block.name} with input {block.input}")
    print(f"stop_reason: {message.stop_reason}")

    if message.stop_reason != "tool_use":
        print(
            "Not calling the tool: its input may be "
            "incomplete. Raise max_tokens and ask again."
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
