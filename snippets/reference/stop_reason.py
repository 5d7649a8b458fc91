"""Read why a stream stopped, and notice a stream that never said.

`stop_reason` arrives in the `message_delta` event near the end of the stream. A stream that
ends without one (the connection closed cleanly part-way) raises nothing: the final message
simply has `stop_reason` None, so check for it.
"""

import sys

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()
    with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
    ) as stream:
        message = stream.get_final_message()

    print(f"text received: {sum(len(b.text) for b in message.content if b.type == 'text')} chars")
    print(f"stop_reason:   {message.stop_reason!r}")
    if message.stop_reason is None:
        sys.exit("the stream ended before the reply was complete: retry or resume it")


if __name__ == "__main__":
    main()
