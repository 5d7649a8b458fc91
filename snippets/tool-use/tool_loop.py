"""Run the tool Claude asks for, send back its result, and stream the answer.

Each turn is streamed. When a turn ends with stop_reason "tool_use", the program runs every
tool call in it, appends the assistant's content unchanged and a user turn of tool_result
blocks, and streams again, until Claude answers without asking for a tool.
"""

import json

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


def get_weather(city: str, unit: str = "celsius") -> dict:
    """Stands in for a real weather service."""
    return {"city": city, "temperature": 18, "unit": unit, "sky": "sunny"}


def run_tool(name: str, tool_input: dict) -> str:
    if name == "get_weather":
        return json.dumps(get_weather(**tool_input))
    raise ValueError(f"unknown tool: {name}")


def main() -> None:
    client = anthropic.Anthropic()
    messages = [{"role": "user", "content": "What is the weather in Paris?"}]

    while True:
        with client.messages.stream(
            model=MODEL, max_tokens=1024, tools=[WEATHER_TOOL], messages=messages
        ) as stream:
            for text in stream.text_stream:
                print(text, end="", flush=True)
            print()
            message = stream.get_final_message()

        if message.stop_reason != "tool_use":
            print(f"[stop_reason: {message.stop_reason}]")
            break

        results = []
        for block in message.content:
            if block.type == "tool_use":
                output = run_tool(block.name, block.input)
                print(f"[ran {block.name}({block.input}) -> {output}]")
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": output})
        messages.append({"role": "assistant", "content": message.content})
        messages.append({"role": "user", "content": results})


if __name__ == "__main__":
    main()
