"""A mistake: a dispatch table with one handler per event type fails on a type
it does not know.
"""

import anthropic

MODEL = "claude-sonnet-5-5"


def on_delta(event) -> None:
    if event.delta.type == "text_delta":
        print(event.delta.text, end="", flush=True)


def on_stop(event) -> None:
    print()


def ignore(event) -> None:
    pass


HANDLERS = {
    "message_start": ignore,
    "content_block_start": ignore,
    "content_block_delta": on_delta,
    "content_block_stop": ignore,
    "message_delta": ignore,
    "message_stop": on_stop,
}


def main() -> None:
    client = anthropic.Anthropic()
    with client.messages.create(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
        stream=True,
    ) as stream:
        for event in stream:
            # wrong: use HANDLERS.get(event.type, ignore)
            HANDLERS[event.type](event)


if __name__ == "__main__":
    main()
