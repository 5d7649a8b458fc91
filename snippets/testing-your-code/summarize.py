"""The code under test: stream a summary, handing each piece of text to a
callback, and refuse a reply that did not arrive whole."""

import sys
from collections.abc import Callable

import anthropic

MODEL = "claude-sonnet-5-5"


class IncompleteReplyError(Exception):
    """The stream ended before the reply was complete."""


def summarize(
    client: anthropic.Anthropic,
    document: str,
    on_text: Callable[[str], None] = print,
) -> str:
    with client.messages.stream(
        model=MODEL,
        max_tokens=512,
        messages=[
            {
                "role": "user",
                "content": f"Summarize in one sentence:\n\n{document}",
            }
        ],
    ) as stream:
        for text in stream.text_stream:
            on_text(text)
        message = stream.get_final_message()
    if message.stop_reason not in ("end_turn", "stop_sequence"):
        raise IncompleteReplyError(f"stop_reason={message.stop_reason}")
    return "".join(
        block.text for block in message.content if block.type == "text"
    )


if __name__ == "__main__":
    try:
        summary = summarize(
            anthropic.Anthropic(),
            "Rivers carve valleys over millions of years.",
            on_text=lambda text: print(text, end="", flush=True),
        )
    except IncompleteReplyError as err:
        # not a finished answer (refused, cut short): say why it ended
        sys.exit(f"\n[no summary: {err}]")
    print(f"\n[{len(summary)} characters]")
