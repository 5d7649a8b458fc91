"""A structured reply cut by max_tokens: the SDK's parse fails mid-stream,
before the stop reason has been read.
"""

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
        max_tokens=8,  # far too few, on purpose
        output_format=River,
        messages=[
            {"role": "user", "content": "Give me facts about the Seine."}
        ],
    ) as stream:
        try:
            for text in stream.text_stream:
                print(text, end="|", flush=True)
        except pydantic.ValidationError as error:
            print()
            print(f"{type(error).__name__}: {error.errors()[0]['msg']}")
            snapshot = stream.current_message_snapshot
            print(f"received: {snapshot.content[0].text}")
            print(f"stop_reason so far: {snapshot.stop_reason}")


if __name__ == "__main__":
    main()
