"""A float timeout, as often advised "to raise the read timeout", sets every
limit to it.

`Anthropic(timeout=60.0)` does not raise anything: the default read limit is
already 600 s, so it lowers it to 60 s, and a reply that pauses longer than
that fails mid-stream. CLIENT_TIMEOUT_SECONDS stands in for the 60.0 (default
60); this site's tests set it to 0.5.
"""

import os

import anthropic

MODEL = "claude-sonnet-5-5"
TIMEOUT = float(os.environ.get("CLIENT_TIMEOUT_SECONDS", "60.0"))


def main() -> None:
    client = anthropic.Anthropic(timeout=TIMEOUT)
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
