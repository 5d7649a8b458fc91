"""Print the events `messages.stream()` yields, helper events included:
`python helper_events.py thinking` (the kinds of request are below).
"""

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

NATURE_FACTS = {
    "type": "document",
    "source": {
        "type": "text",
        "media_type": "text/plain",
        "data": "The grass is green. The sky is blue.",
    },
    "title": "Nature facts",
    "citations": {"enabled": True},
}

# Each kind of request: the arguments it adds to the model and max_tokens set
# below.
REQUESTS = {
    "tool_use": {
        "messages": [
            {"role": "user", "content": "What is the weather in Paris?"}
        ],
        "tools": [WEATHER_TOOL],
    },
    "thinking": {
        "messages": [{"role": "user", "content": "What is 27 times 453?"}],
        "thinking": {"type": "adaptive", "display": "summarized"},
    },
    "citations": {
        "messages": [
            {
                "role": "user",
                "content": [
                    NATURE_FACTS,
                    {"type": "text", "text": "What colour is the grass?"},
                ],
            }
        ],
    },
}


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
        return (
            "content_block_stop  "
            f".content_block.type={event.content_block.type!r}"
        )
    if event.type == "message_stop":
        return (
            "message_stop        "
            f".message.stop_reason={event.message.stop_reason!r}"
        )
    return event.type


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] not in REQUESTS:
        print(
            f"usage: python helper_events.py {'|'.join(REQUESTS)}",
            file=sys.stderr,
        )
        sys.exit(2)
    client = anthropic.Anthropic()
    with client.messages.stream(
        model=MODEL,
        max_tokens=4096,
        **REQUESTS[sys.argv[1]],
    ) as stream:
        for event in stream:
            print(describe(event))


if __name__ == "__main__":
    main()
