"""Tell a complete reply from one that stopped part-way, with
create(stream=True): keep the stop_reason and watch for message_stop."""

import sys

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> int:
    client = anthropic.Anthropic()
    stop_reason = None
    saw_message_stop = False
    with client.messages.create(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
        stream=True,
    ) as stream:
        # --8<-- [start:dispatch]
        for event in stream:
            if (
                event.type == "content_block_delta"
                and event.delta.type == "text_delta"
            ):
                print(event.delta.text, end="", flush=True)
            elif event.type == "message_delta":
                stop_reason = event.delta.stop_reason
            elif event.type == "message_stop":
                saw_message_stop = True
            # Any other event type (ping, a type added later) is ignored on
            # purpose.
        # --8<-- [end:dispatch]
    print()

    if stop_reason is None or not saw_message_stop:
        print(
            f"INCOMPLETE: stop_reason={stop_reason}, "
            f"message_stop received: {saw_message_stop}"
        )
        return 1
    print(f"complete (stop_reason: {stop_reason})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
