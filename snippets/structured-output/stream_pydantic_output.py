"""Stream a reply that must follow a Pydantic model, then read it parsed."""

import anthropic
import pydantic
from pydantic import BaseModel

MODEL = "claude-sonnet-5-5"


class River(BaseModel):
    name: str
    country: str
    length_km: int


def main() -> None:
    client = anthropic.Anthropic()

    with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        output_format=River,
        messages=[
            {"role": "user", "content": "Give me facts about the Seine."}
        ],
    ) as stream:
        try:
            for text in stream.text_stream:
                print(text, end="|", flush=True)
        except pydantic.ValidationError:
            # A reply cut by max_tokens, or a refusal, is not a whole River;
            # the SDK stops the stream here, before its stop_reason arrives.
            print("\nNot a River: the reply was cut short or refused.")
            return
        message = stream.get_final_message()

    print()
    river = message.parsed_output
    print(f"stop_reason: {message.stop_reason}")
    print(f"parsed: {type(river).__name__}: {river!r}")
    print(f"The {river.name} is {river.length_km} km long.")


if __name__ == "__main__":
    main()
