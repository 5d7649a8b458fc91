"""Parse a structured reply yourself, and only once its stop reason says it
is whole: the schema goes in output_config, so the SDK leaves the text alone.
"""

import anthropic
from pydantic import BaseModel, ConfigDict

MODEL = "claude-sonnet-5-5"


class River(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    country: str
    length_km: int


def river_facts(client: anthropic.Anthropic, max_tokens: int) -> str:
    with client.messages.stream(
        model=MODEL,
        max_tokens=max_tokens,
        output_config={
            "format": {
                "type": "json_schema",
                "schema": River.model_json_schema(),
            }
        },
        messages=[
            {"role": "user", "content": "Give me facts about the Seine."}
        ],
    ) as stream:
        message = stream.get_final_message()
    text = "".join(b.text for b in message.content if b.type == "text")
    if message.stop_reason != "end_turn":
        return f"{message.stop_reason}, not parsed: {text!r}"
    river = River.model_validate_json(text)
    return f"{river.name}, {river.country}: {river.length_km} km"


def main() -> None:
    client = anthropic.Anthropic()
    for max_tokens in (8, 1024):
        print(f"max_tokens={max_tokens}: {river_facts(client, max_tokens)}")


if __name__ == "__main__":
    main()
