"""Tell a failure the SDK already retried (before the stream) from one it
never retries (after the stream has started)."""

import sys

import anthropic
import httpx2

MODEL = "claude-sonnet-5-5"


def describe(err: Exception) -> str:
    if isinstance(err, anthropic.APIStatusError) and err.status_code == 200:
        return f"error event mid-stream: {err.type}. The SDK did not retry it."
    if isinstance(err, anthropic.APIStatusError):
        return (
            f"HTTP {err.status_code} {err.type} before "
            "the stream, after the SDK's retries."
        )
    # APITimeoutError is a subclass
    if isinstance(err, anthropic.APIConnectionError):
        return (
            f"{type(err).__name__} before any "
            "response, after the SDK's retries."
        )
    if isinstance(err, httpx2.TransportError):
        return (
            f"httpx2.{type(err).__name__} "
            "mid-stream. The SDK did not retry it."
        )
    raise err


def main() -> int:
    client = anthropic.Anthropic()
    try:
        with client.messages.stream(
            model=MODEL,
            max_tokens=256,
            messages=[
                {"role": "user", "content": "Write a haiku about rivers."}
            ],
        ) as stream:
            for text in stream.text_stream:
                print(text, end="", flush=True)
            message = stream.get_final_message()
    except (anthropic.APIError, httpx2.TransportError) as err:
        print(f"\nFailed: {describe(err)}")
        return 1
    print()
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
