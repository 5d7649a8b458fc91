"""The mistake: parsing each input_json_delta fragment on its own (and
skipping those that fail) loses the input; parsing the joined text does not.
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
        messages=[
            {"role": "user", "content": "What is the weather in Paris?"}
        ],
        stream=True,
    )

    wrong: dict = {}
    joined = ""
    stop_reason = None
    with stream:
        for event in stream:
            if (
                event.type == "content_block_delta"
                and event.delta.type == "input_json_delta"
            ):
                fragment = event.delta.partial_json
                joined += fragment
                # Wrong: a fragment is a piece of JSON, not JSON.
                try:
                    parsed = json.loads(fragment)
                except json.JSONDecodeError:
                    print(f"not JSON on its own: {fragment!r}")
                    continue
                if isinstance(parsed, dict):
                    wrong.update(parsed)
                else:
                    print(f"JSON, but not an object: {fragment!r}")
            elif event.type == "message_delta":
                stop_reason = event.delta.stop_reason

    # "" (a tool with no arguments, or no call at all) means {}
    whole = json.loads(joined) if joined else {}
    print(f"parsing each fragment: {wrong}")
    print(f"parsing the joined text: {whole}")
    # the reply is not the tool call shown (refused, cut short): say why
    if stop_reason != "tool_use":
        print(f"[stop_reason: {stop_reason}]")


if __name__ == "__main__":
    main()
