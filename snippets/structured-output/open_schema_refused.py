"""A JSON schema whose objects allow other properties is refused with HTTP
400 before any event.
"""

import anthropic
from pydantic import BaseModel

MODEL = "claude-sonnet-5-5"


class River(BaseModel):
    name: str
    length_km: int


def main() -> None:
    client = anthropic.Anthropic()
    schema = River.model_json_schema()
    print(f"additionalProperties: {schema.get('additionalProperties')}")

    try:
        with client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            output_config={
                "format": {"type": "json_schema", "schema": schema}
            },
            messages=[{"role": "user", "content": "Facts about the Seine?"}],
        ) as stream:
            stream.until_done()
    except anthropic.BadRequestError as error:
        print(f"HTTP {error.status_code} {error.type}: {error.api_message}")


if __name__ == "__main__":
    main()
