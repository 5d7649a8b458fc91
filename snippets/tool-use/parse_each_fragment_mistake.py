"""The common mistake: parsing each input_json_delta fragment on its own.

No single fragment is valid JSON, so a loop that parses fragments one by one (and skips the
ones that fail) ends with an empty input. The same loop, parsing the joined text once the
block ends, gets the real input. Both results are printed.
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


def main() -> None:
    client = anthropic.Anthropic()

    stream = client.messages.create(
        model=MODEL,
        max_tokens=1024,
        tools=[WEATHER_TOOL],
        messages=[{"role": "user", "content": "What is the weather in Paris?"}],
        stream=True,
    )

    wrong: dict = {}
    joined = ""
    with stream:
        for event in stream:
            if event.type == "content_block_delta" and event.delta.type == "input_json_delta":
                fragment = event.delta.partial_json
                joined += fragment
                # Wrong: a fragment is a piece of JSON, not JSON.
                try:
                    wrong.update(json.loads(fragment))
                except json.JSONDecodeError:
                    print(f"not JSON on its own: {fragment!r}")

    print(f"parsing each fragment: {wrong}")
    print(f"parsing the joined text: {json.loads(joined)}")


if __name__ == "__main__":
    main()
