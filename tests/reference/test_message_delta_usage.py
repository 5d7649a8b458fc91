"""What the stream-events page says about message_delta and input_tokens, held to the SDK.

The page says a stream may carry more than one ``message_delta`` (the last one wins, a count it
leaves out keeps its earlier value), and that ``usage.input_tokens`` counts only the input not
read from or written to the prompt cache. The SDK's accumulator is run over a stream with two
``message_delta`` events, and the SDK's own description of ``usage`` is checked for the sum.
"""

from __future__ import annotations

import inspect
from typing import Any

import anthropic.types.message
from anthropic._models import construct_type
from anthropic.lib.streaming._messages import accumulate_event
from anthropic.types import RawMessageStreamEvent

from tests.reference import markdown
from tests.support.settings import MODEL

PAGE = "reference/stream-events.md"

TWO_DELTAS: list[dict[str, Any]] = [
    {
        "type": "message_start",
        "message": {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "model": MODEL,
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": {
                "input_tokens": 25,
                "cache_creation_input_tokens": 0,
                "cache_read_input_tokens": 100,
                "output_tokens": 1,
            },
        },
    },
    {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
    {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi"}},
    {"type": "content_block_stop", "index": 0},
    {
        "type": "message_delta",
        "delta": {"stop_reason": None, "stop_sequence": None},
        "usage": {"output_tokens": 5},
    },
    {
        "type": "message_delta",
        "delta": {"stop_reason": "end_turn", "stop_sequence": None},
        "usage": {"output_tokens": 9, "cache_read_input_tokens": 120},
    },
    {"type": "message_stop"},
]


def _message_delta_section() -> str:
    sections = markdown.sections(markdown.page(PAGE), 3)
    return next(body for title, body in sections.items() if "message_delta" in title)


def test_the_page_does_not_promise_a_single_message_delta() -> None:
    text = markdown.page(PAGE)
    assert "one or more `message_delta`" in text
    body = _message_delta_section()
    assert "**one or more**" in body and "sent once" not in body


def test_the_last_message_delta_wins_and_a_count_left_out_is_kept() -> None:
    snapshot = None
    for data in TWO_DELTAS:
        event = construct_type(type_=RawMessageStreamEvent, value=data)
        snapshot = accumulate_event(event=event, current_snapshot=snapshot, json_bufs={})
    assert snapshot is not None
    assert snapshot.stop_reason == "end_turn"
    assert snapshot.usage.output_tokens == 9
    assert snapshot.usage.cache_read_input_tokens == 120
    assert snapshot.usage.input_tokens == 25  # left out by both deltas: message_start's


def test_input_tokens_is_described_as_the_input_outside_the_cache() -> None:
    sdk_says = " ".join(inspect.getsource(anthropic.types.message).split())
    assert (
        "Total input tokens in a request is the summation of `input_tokens`, "
        "`cache_creation_input_tokens`, and `cache_read_input_tokens`." in sdk_says
    )
    rows = markdown.table(_message_delta_section(), "Field").records()
    meaning = {markdown.code_name(r["Field"]): r["Meaning"] for r in rows}
    assert "**not** read from or written to the prompt cache" in meaning["usage.input_tokens"]
