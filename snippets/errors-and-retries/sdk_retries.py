"""Show the attempts the SDK makes by itself when a request fails before
its stream starts: the program has no retry code."""

import anthropic
import httpx2

MODEL = "claude-sonnet-5-5"


def show_status(response: httpx2.Response) -> None:
    attempt = int(response.request.headers["x-stainless-retry-count"]) + 1
    print(f"[attempt {attempt}: HTTP {response.status_code}]")


def main() -> None:
    client = anthropic.Anthropic(
        http_client=anthropic.DefaultHttpxClient(
            event_hooks={"response": [show_status]}
        ),
    )
    with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
    ) as stream:
        for text in stream.text_stream:
            print(text, end="", flush=True)
        message = stream.get_final_message()
    print()
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    main()
