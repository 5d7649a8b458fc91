"""Send back a thinking block whose text was changed: the API refuses it with
HTTP 400."""

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


def main() -> None:
    client = anthropic.Anthropic()
    question = {"role": "user", "content": "What is the weather in Paris?"}
    request = {
        "model": MODEL,
        "max_tokens": 4096,
        "thinking": {"type": "adaptive", "display": "summarized"},
        "tools": [WEATHER_TOOL],
    }

    with client.messages.stream(**request, messages=[question]) as stream:
        first = stream.get_final_message()
    call = next(
        (block for block in first.content if block.type == "tool_use"), None
    )
    # the model answered without the tool: there is no second request
    if call is None:
        print(
            "".join(
                block.text for block in first.content if block.type == "text"
            )
        )
        # not a finished answer (refused, cut short): say why it ended
        if first.stop_reason != "end_turn":
            print(f"[stop_reason: {first.stop_reason}]")
        return

    # Each block as the API sent it, without the optional fields the SDK holds
    # as None.
    content = [block.model_dump(exclude_none=True) for block in first.content]
    thinking = next(
        (block for block in content if block["type"] == "thinking"), None
    )
    # adaptive thinking may skip thinking: nothing to alter
    if thinking is None:
        print("[no thinking block in the reply]")
        return
    # any change at all breaks it
    thinking["thinking"] = thinking["thinking"].upper()

    follow_up = [
        question,
        {"role": "assistant", "content": content},
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": call.id,
                    "content": "18 °C",
                }
            ],
        },
    ]
    try:
        with client.messages.stream(**request, messages=follow_up) as stream:
            stream.until_done()
    except anthropic.BadRequestError as err:
        print(f"HTTP {err.status_code} {err.type}: {err.api_message}")


if __name__ == "__main__":
    main()
