"""Continue after a tool call by sending the turn's blocks back unchanged,
thinking block and signature first."""

import json

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


def stream_turn(
    client: anthropic.Anthropic, messages: list
) -> anthropic.types.Message:
    with client.messages.stream(
        model=MODEL,
        max_tokens=4096,
        thinking={"type": "adaptive", "display": "summarized"},
        tools=[WEATHER_TOOL],
        messages=messages,
    ) as stream:
        for event in stream:
            if event.type == "thinking":
                print(event.thinking, end="", flush=True)
            elif event.type == "signature":
                print("  [signed]")
            elif event.type == "text":
                print(event.text, end="", flush=True)
        return stream.get_final_message()


def main() -> None:
    client = anthropic.Anthropic()
    messages: list = [
        {"role": "user", "content": "What is the weather in Paris?"}
    ]

    first = stream_turn(client, messages)
    call = next(
        (block for block in first.content if block.type == "tool_use"), None
    )
    # the model answered without the tool: its answer is printed above
    if call is None:
        print(f"\n[stop_reason: {first.stop_reason}]")
        return
    print(f"[tool call: {call.name}({call.input})]")

    result = json.dumps(
        {"city": call.input["city"], "temperature": 18, "sky": "sunny"}
    )
    # Every block unchanged, thinking and signature included, without the
    # optional fields the SDK holds as None: a request may not send some of
    # them as null (a tool call's `caller`).
    content = [block.model_dump(exclude_none=True) for block in first.content]
    messages.append({"role": "assistant", "content": content})
    messages.append(
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": call.id,
                    "content": result,
                }
            ],
        }
    )
    second = stream_turn(client, messages)
    print(f"\n[stop_reason: {second.stop_reason}]")


if __name__ == "__main__":
    main()
