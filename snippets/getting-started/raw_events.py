"""Read the raw events of a stream, handling every kind of delta.

`create(stream=True)` yields the wire events as they are: no accumulation and no helper
events. Text is only one of five delta types, so branch on `delta.type`.
"""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()

    stream = client.messages.create(
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
        stream=True,
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
                # The stop reason arrives here; the message_stop event that follows is bare.
                stop_reason = event.delta.stop_reason
                print(f"[output tokens so far: {event.usage.output_tokens}]")
            elif event.type == "message_stop":
                print(f"[message complete, stop_reason={stop_reason}]")
            # Any other type (pings are dropped by the SDK; new types may appear): ignore it.


if __name__ == "__main__":
    main()
