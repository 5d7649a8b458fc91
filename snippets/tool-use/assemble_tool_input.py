"""Assemble a streamed tool call's input: join its input_json_delta
fragments per block, and parse the joined text once, at content_block_stop.
"""

import json

import anthropic

MODEL = "claude-sonnet-5-5"
QUESTION = "What is the weather in Paris, and what time is it?"

TOOLS = [
    {
        "name": "get_weather",
        "description": "Current weather for a city.",
        "input_schema": {
            "type": "object",
            "properties": {
                "city": {"type": "string"},
                "unit": {"type": "string"},
            },
            "required": ["city"],
        },
    },
    {
        "name": "get_current_time",
        "description": "The current time in UTC. Takes no arguments.",
        "input_schema": {"type": "object", "properties": {}},
    },
]


def main() -> None:
    client = anthropic.Anthropic()

    stream = client.messages.create(
        model=MODEL,
        max_tokens=1024,
        tools=TOOLS,
        messages=[{"role": "user", "content": QUESTION}],
        stream=True,
    )

    # block index -> JSON fragments received so far
    fragments: dict[int, list[str]] = {}
    names: dict[int, str] = {}
    stop_reason = None
    with stream:
        for event in stream:
            if (
                event.type == "content_block_start"
                and event.content_block.type == "tool_use"
            ):
                names[event.index] = event.content_block.name
                fragments[event.index] = []
            elif (
                event.type == "content_block_delta"
                and event.delta.type == "input_json_delta"
            ):
                fragments[event.index].append(event.delta.partial_json)
                print(f"fragment: {event.delta.partial_json!r}")
            elif (
                event.type == "content_block_stop" and event.index in fragments
            ):
                joined = "".join(fragments[event.index])
                tool_input = json.loads(joined) if joined else {}
                print(f"{names[event.index]} input: {tool_input}")
            elif event.type == "message_delta":
                stop_reason = event.delta.stop_reason
    # the reply is not the tool call shown (refused, cut short): say why
    if stop_reason != "tool_use":
        print(f"[stop_reason: {stop_reason}]")


if __name__ == "__main__":
    main()
