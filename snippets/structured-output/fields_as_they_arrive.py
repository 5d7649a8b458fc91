"""Use the fields of a structured reply as they arrive: parse the incomplete
JSON after each delta, and trust a field once the next one has begun.
"""

import json

import anthropic
import jiter

MODEL = "claude-sonnet-5-5"

RIVER_SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "country": {"type": "string"},
        "length_km": {"type": "integer"},
    },
    "required": ["name", "country", "length_km"],
    "additionalProperties": False,
}


def main() -> None:
    client = anthropic.Anthropic()

    received = ""
    settled: dict = {}
    with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        output_config={
            "format": {"type": "json_schema", "schema": RIVER_SCHEMA}
        },
        messages=[
            {"role": "user", "content": "Give me facts about the Seine."}
        ],
    ) as stream:
        for text in stream.text_stream:
            received += text
            try:
                fields = jiter.from_json(received.encode(), partial_mode="on")
            except ValueError:  # not JSON: a refusal in words, say
                continue
            done = dict(list(fields.items())[:-1])  # the last may still grow
            if done != settled:
                print(f"after {len(received):2} characters: {done}")
                settled = done
        message = stream.get_final_message()

    print(f"stop_reason: {message.stop_reason}")
    if message.stop_reason == "end_turn":
        print(f"whole: {json.loads(received)}")
    else:
        print(f"not whole, not parsed: {received!r}")


if __name__ == "__main__":
    main()
