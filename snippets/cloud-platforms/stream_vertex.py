"""Stream a reply through Google Cloud Vertex AI with the SDK's Vertex client;
needs `pip install "anthropic[vertex]==2.12.0"` and Google credentials."""

import sys

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> int:
    client = anthropic.AnthropicVertex()

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
            print()
            message = stream.get_final_message()
    except anthropic.APIStatusError as err:
        # Claude's own errors come in the API's shape; Google's (auth, quota)
        # in Google's. Status 200: the error came mid-stream, after some text,
        # so end that line first.
        after_text = "\n" if err.status_code == 200 else ""
        print(f"{after_text}{type(err).__name__}: {err}", file=sys.stderr)
        return 1
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
