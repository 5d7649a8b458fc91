"""Run the tools Claude asks for, send back their results, and stream the
answer: repeat while a turn ends with stop_reason "tool_use".
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
    """Fixed weather: call a real weather service here."""
    return {"city": city, "temperature": 18, "unit": unit, "sky": "sunny"}


TOOLS = {"get_weather": get_weather}


def run_tool(name: str, tool_input: dict) -> dict:
    """The tool_result content for one call; a call that fails goes back to
    the model as an error, so that it can correct itself."""
    tool = TOOLS.get(name)
    if tool is None:
        return {"content": f"unknown tool: {name}", "is_error": True}
    try:
        return {"content": json.dumps(tool(**tool_input))}
    # a TypeError for arguments it does not take, or its own failure
    except Exception as err:
        return {"content": f"{type(err).__name__}: {err}", "is_error": True}


def main() -> None:
    client = anthropic.Anthropic()
    messages = [{"role": "user", "content": "What is the weather in Paris?"}]

    while True:
        with client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            tools=[WEATHER_TOOL],
            messages=messages,
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
                result = run_tool(block.name, block.input)
                outcome = "failed" if result.get("is_error") else "->"
                print(
                    f"[ran {block.name}({block.input}) "
                    f"{outcome} {result['content']}]"
                )
                results.append(
                    {"type": "tool_result", "tool_use_id": block.id, **result}
                )
        messages.append({"role": "assistant", "content": message.content})
        messages.append({"role": "user", "content": results})


if __name__ == "__main__":
    main()
