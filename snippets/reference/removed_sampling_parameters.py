"""Pass `temperature`, which no longer exists: as an argument (the SDK
refuses it) and through `extra_body` (the API refuses it).
"""

import anthropic

MODEL = "claude-sonnet-5-5"
MESSAGES = [{"role": "user", "content": "Write a haiku about rivers."}]


def main() -> None:
    client = anthropic.Anthropic()

    try:
        with client.messages.stream(
            model=MODEL, max_tokens=256, messages=MESSAGES, temperature=0.2
        ) as stream:
            stream.until_done()
    except TypeError as err:
        print(f"SDK:  TypeError: {err}")

    try:
        with client.messages.stream(
            model=MODEL,
            max_tokens=256,
            messages=MESSAGES,
            extra_body={"temperature": 0.2},
        ) as stream:
            stream.until_done()
    except anthropic.BadRequestError as err:
        print(f"API:  {err.status_code} {err.type}: {err.api_message}")


if __name__ == "__main__":
    main()
