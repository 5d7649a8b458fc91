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
        message = stream.get_final_message()
    print(f"anthropic (Python SDK): {anthropic.__version__}")
    print(f"anthropic-version sent: {sent['anthropic-version']}")
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    main()
