"""Show what happens to `temperature`, `top_p` and `top_k`, which no longer
exist.

The SDK dropped them from its Messages methods in 1.0, so passing one is a
TypeError before any request is made. Forcing one into the body anyway
(`extra_body`) gets a 400 from the API, which removed them in version
2026-10-21.
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
