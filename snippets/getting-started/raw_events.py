"""Print the raw events of a stream, each kind of delta included. Name the
request to send: `python raw_events.py thinking` (or tool_use, citations)."""

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


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] not in REQUESTS:
        print(
            f"usage: python raw_events.py {'|'.join(REQUESTS)}",
            file=sys.stderr,
        )
        sys.exit(2)
    client = anthropic.Anthropic()

    stream = client.messages.create(
        model=MODEL,
        max_tokens=4096,
        stream=True,
        **REQUESTS[sys.argv[1]],
    )

    stop_reason = None
    with stream:
        for event in stream:
            if event.type == "message_start":
                print(f"[message {event.message.id}]")
            elif event.type == "content_block_start":
                print(f"[block {event.index}: {event.content_block.type}]")
            elif event.type == "content_block_delta":
                delta = event.delta
                if delta.type == "text_delta":
                    print(delta.text, end="", flush=True)
                elif delta.type == "input_json_delta":
                    print(delta.partial_json, end="", flush=True)
                elif delta.type == "thinking_delta":
                    print(delta.thinking, end="", flush=True)
                elif delta.type == "signature_delta":
                    print("[signature received]", end="")
                elif delta.type == "citations_delta":
                    print(f"[cites: {delta.citation.cited_text!r}]", end="")
            elif event.type == "content_block_stop":
                print(f"\n[end of block {event.index}]")
            elif event.type == "message_delta":
                # The stop reason arrives here; the message_stop event that
                # follows is bare.
                stop_reason = event.delta.stop_reason
                print(f"[output tokens so far: {event.usage.output_tokens}]")
            elif event.type == "message_stop":
                print(f"[message complete, stop_reason={stop_reason}]")
            # Any other type (pings are dropped by the SDK; new types may
            # appear): ignore it.


if __name__ == "__main__":
    main()
