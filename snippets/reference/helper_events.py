"""Print the events `messages.stream()` yields, helper events included.

Besides the wire events, the SDK's stream adds helper events (`text`, `input_json`,
`thinking`, `signature`, `citation`) right after the delta they come from, and gives
`content_block_stop` and `message_stop` the finished block and message.
"""

import anthropic

MODEL = "claude-sonnet-5-5"


def describe(event) -> str:
    if event.type == "text":
        return f"text         +{event.text!r} -> {event.snapshot!r}"
    if event.type == "input_json":
        return f"input_json   +{event.partial_json!r} -> {event.snapshot!r}"
    if event.type == "thinking":
        return f"thinking     +{event.thinking!r}"
    if event.type == "signature":
        return f"signature    {event.signature[:12]}..."
    if event.type == "citation":
        return f"citation     {event.citation.cited_text!r}"
    if event.type == "content_block_stop":
        return f"content_block_stop  .content_block.type={event.content_block.type!r}"
    if event.type == "message_stop":
        return f"message_stop        .message.stop_reason={event.message.stop_reason!r}"
    return event.type


def main() -> None:
    client = anthropic.Anthropic()
    with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        messages=[{"role": "user", "content": "What is the weather in Paris?"}],
        tools=[
            {
                "name": "get_weather",
                "description": "Current weather for a city.",
                "input_schema": {
                    "type": "object",
                    "properties": {"city": {"type": "string"}, "unit": {"type": "string"}},
                    "required": ["city"],
                },
            }
        ],
    ) as stream:
        for event in stream:
            print(describe(event))


if __name__ == "__main__":
    main()
