"""Show what the SDK hands you for an event type it does not know."""

import anthropic

MODEL = "claude-sonnet-5-5"
KNOWN = {
    "message_start",
    "content_block_start",
    "content_block_delta",
    "content_block_stop",
    "message_delta",
    "message_stop",
}


def main() -> None:
    client = anthropic.Anthropic()
    stream = client.messages.create(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
        stream=True,
    )
    stop_reason = None
    with stream:
        for event in stream:
            if event.type not in KNOWN:
                print(
                    f"ignored {event.type!r} (arrived "
                    f"as {type(event).__name__})"
                )
                continue
            print(event.type)
            if event.type == "message_delta":
                stop_reason = event.delta.stop_reason
    # not a finished answer (refused, cut short): say why it ended
    if stop_reason != "end_turn":
        print(f"[stop_reason: {stop_reason}]")


if __name__ == "__main__":
    main()
