"""Forced tool use (tool_choice "any" or "tool") is refused by the current
models with HTTP 400 before any event; tool_choice "auto" is accepted.
"""

import anthropic

MODEL = "claude-sonnet-5-5"

WEATHER_TOOL = {
    "name": "get_weather",
    "description": "Current weather for a city.",
    "input_schema": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
    },
}


def first_tool_call(client: anthropic.Anthropic, tool_choice: dict) -> str:
    with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        tools=[WEATHER_TOOL],
        tool_choice=tool_choice,
        messages=[
            {"role": "user", "content": "What is the weather in Paris?"}
        ],
    ) as stream:
        message = stream.get_final_message()
    calls = [
        f"{b.name}({b.input})" for b in message.content if b.type == "tool_use"
    ]
    # no tool call, or one cut short (a refusal, max_tokens): say why
    if message.stop_reason != "tool_use":
        calls.append(f"[stop_reason: {message.stop_reason}]")
    return ", ".join(calls)


def main() -> None:
    client = anthropic.Anthropic()

    try:
        first_tool_call(client, {"type": "tool", "name": "get_weather"})
    except anthropic.BadRequestError as err:
        print(f"forced: HTTP {err.status_code} {err.type}: {err.api_message}")

    print(f"auto: {first_tool_call(client, {'type': 'auto'})}")


if __name__ == "__main__":
    main()
