"""Collect a raw stream's blocks by their index, so a delta that arrives early
is not lost.

The API sends each block's `content_block_start` before its deltas, but a
faulty proxy may reorder them, and the SDK's `stream()` helper then fails with
an IndexError. Reading the raw events from `create(stream=True)` and keeping
the text of each block under its `index` tolerates that order.
"""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()
    texts: dict[int, str] = {}
    stop_reason = None
    with client.messages.create(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
        stream=True,
    ) as stream:
        for event in stream:
            if event.type == "content_block_start":
                texts.setdefault(event.index, "")
            elif (
                event.type == "content_block_delta"
                and event.delta.type == "text_delta"
            ):
                texts[event.index] = (
                    texts.get(event.index, "") + event.delta.text
                )
            elif event.type == "message_delta":
                stop_reason = event.delta.stop_reason
    for index in sorted(texts):
        print(texts[index])
    # not a finished answer (refused, cut short): say why it ended
    if stop_reason != "end_turn":
        print(f"[stop_reason: {stop_reason}]")


if __name__ == "__main__":
    main()
