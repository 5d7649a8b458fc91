"""Collect a raw stream's text block by block, under each block's index, so a
delta that arrives before its block's start is not lost.
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
        # --8<-- [start:by-index]
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
        # --8<-- [end:by-index]
    for index in sorted(texts):
        print(texts[index])
    # not a finished answer (refused, cut short): say why it ended
    if stop_reason != "end_turn":
        print(f"[stop_reason: {stop_reason}]")


if __name__ == "__main__":
    main()
