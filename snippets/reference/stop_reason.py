"""Read why a stream stopped, and notice a stream that never said (None).
The kind of request is named on the command line: `text` or `tool_use`.
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

# Each kind of request: the arguments it adds to the model and max_tokens set
# below.
REQUESTS = {
    "text": {
        "messages": [
            {"role": "user", "content": "Write a haiku about rivers."}
        ],
    },
    "tool_use": {
        "messages": [
            {"role": "user", "content": "What is the weather in Paris?"}
        ],
        "tools": [WEATHER_TOOL],
    },
}


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] not in REQUESTS:
        print(
            f"usage: python stop_reason.py {'|'.join(REQUESTS)}",
            file=sys.stderr,
        )
        sys.exit(2)
    client = anthropic.Anthropic()
    with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        **REQUESTS[sys.argv[1]],
    ) as stream:
        message = stream.get_final_message()

    print(
        "text received: "
        f"{sum(len(b.text) for b in message.content if b.type == 'text')} "
        "chars"
    )
    print(f"stop_reason:   {message.stop_reason!r}")
    if message.stop_reason is None:
        sys.exit(
            "the stream ended before the reply "
            "was complete: retry or resume it"
        )


if __name__ == "__main__":
    main()
