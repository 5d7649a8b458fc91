"""Print the SDK version and the API version it sends with every request."""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()
    with client.messages.stream(
        model=MODEL,
        max_tokens=64,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
    ) as stream:
        sent = stream.response.request.headers
        stream.until_done()
    print(f"anthropic (Python SDK): {anthropic.__version__}")
    print(f"anthropic-version sent: {sent['anthropic-version']}")


if __name__ == "__main__":
    main()
