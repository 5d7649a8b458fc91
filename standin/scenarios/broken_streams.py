"""Streams that break part-way: a 200 response, then an error event, a cut, a stall, or
events out of order; and what a later request gets (the whole answer, or its continuation).

Every break the site's "when streams fail" pages teach is here, so each example on those pages
runs against the very failure it claims to handle. See ``answers`` for the rule of where a
scenario lives.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..replies import Cut, FromRequest, MessageReply, Text
from ..rules.models import accepts_prefill
from .contents import AFTER_SOME_TEXT, HAIKU, STORY
from .model import Scenario

# How many characters of its own interrupted reply the continuation repeats: a real model,
# asked to continue, may start again a few words back, so the stitching must cope.
CONTINUATION_OVERLAP_CHUNKS = 2
MIN_REPEAT_CHARS = 4
QUOTE_CHECK_CHARS = 10


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    return "".join(b.get("text", "") for b in content if b.get("type") == "text")


def _continuing_from(body: dict[str, Any]) -> str | None:
    """The partial reply this request asks the model to continue, or None.

    Two documented forms: for Claude 4.5 and earlier, the partial text as the last
    (``assistant``) turn, a prefill; for Claude 4.6 and later, which refuse a prefill (see
    ``rules.models.accepts_prefill``), the partial text as an ``assistant`` turn followed by a
    ``user`` turn that quotes where it ended. Each model takes only its own form. A user turn
    that does not quote the end gives the model nothing to continue from.
    """
    messages = body["messages"]
    if len(messages) >= 2 and messages[-1]["role"] == "assistant":
        return _text_of(messages[-1]["content"]) if accepts_prefill(body["model"]) else None
    if (
        len(messages) >= 3
        and messages[-1]["role"] == "user"
        and messages[-2]["role"] == "assistant"
    ):
        partial = _text_of(messages[-2]["content"])
        quoted = partial[-QUOTE_CHECK_CHARS:].strip()
        if quoted and quoted in _text_of(messages[-1]["content"]):
            return partial
    return None


def continuation_of(reply: MessageReply, overlap_chunks: int = 0) -> FromRequest:
    """Answer a request to continue ``reply``'s text from where the request says it stopped.

    The stand-in knows the whole answer, so the continuation is exact: it starts
    ``overlap_chunks`` chunks before the cut (a repeat the client must trim), going further
    back if needed so that a repeat is at least ``MIN_REPEAT_CHARS`` long: a model that starts
    again a little way back repeats a word or more, and a shorter repeat (a lone newline) could
    not be told from new text by any client. A request that is not a continuation, or whose
    partial text is not a prefix of the answer, gets the whole answer again, as a model that
    cannot tell where it stopped would give.
    """
    (block,) = reply.blocks
    assert isinstance(block, Text)
    chunks = block.chunks
    full = block.text
    starts = [sum(len(c) for c in chunks[:n]) for n in range(len(chunks) + 1)]

    def compute(body: dict[str, Any]) -> MessageReply:
        partial = _continuing_from(body)
        if partial is None or not partial or not full.startswith(partial):
            return replace(reply, cut=None)
        at = max(n for n, offset in enumerate(starts) if offset <= len(partial))
        start = max(at - overlap_chunks, 0)
        while overlap_chunks and start > 0 and starts[at] - starts[start] < MIN_REPEAT_CHARS:
            start -= 1
        rest = chunks[start:]
        if start == at and starts[at] < len(partial):
            rest = (chunks[at][len(partial) - starts[at] :], *chunks[at + 1 :])
        return replace(reply, blocks=(Text(tuple(rest)),), cut=None, pauses=())

    return FromRequest(compute)


def interrupted_then_continued(first: MessageReply, cut: Cut, overlap_chunks: int) -> Scenario:
    """``first`` cut by ``cut``; every later request continues it (see ``continuation_of``)."""
    return Scenario(
        f"{first.blocks[0].text[:20]!r}... cut ({cut.kind} after {cut.after_events} events), "
        f"then continued from the cut with {overlap_chunks} chunk(s) repeated.",
        (replace(first, cut=cut), continuation_of(first, overlap_chunks)),
    )


SCENARIOS: dict[str, Scenario] = {
    "overloaded_mid_stream": Scenario(
        "A 200 stream that sends some text, then an error event (overloaded_error).",
        (replace(HAIKU, cut=Cut(AFTER_SOME_TEXT, "error")),),
    ),
    "overloaded_mid_stream_then_ok": Scenario(
        "An error event (overloaded_error) after some text, then a whole stream.",
        (replace(HAIKU, cut=Cut(AFTER_SOME_TEXT, "error")), HAIKU),
    ),
    # Many clients at once (one relay, one key): the first stream fails, the others do not.
    # Paced, so that the streams overlap.
    "paced_overloaded_then_ok": Scenario(
        "The haiku at one event every 25 ms: the first request gets an error event "
        "(overloaded_error) after some text, every later one the whole haiku.",
        (
            replace(HAIKU, event_delay=0.025, cut=Cut(AFTER_SOME_TEXT, "error")),
            replace(HAIKU, event_delay=0.025),
        ),
    ),
    # A resume once retried an error that no retry can fix.
    "invalid_request_mid_stream": Scenario(
        "A 200 stream that sends some text, then an error event (invalid_request_error): an "
        "error that asking again cannot fix.",
        (
            replace(
                HAIKU,
                cut=Cut(
                    AFTER_SOME_TEXT,
                    "error",
                    error_type="invalid_request_error",
                    error_message="The request could not be completed as sent",
                ),
            ),
        ),
    ),
    "story_then_overloaded": Scenario(
        "The story starts, then an overloaded_error event arrives mid-stream.",
        (replace(STORY, event_delay=0.05, cut=Cut(12, "error")),),
    ),
    "dropped_mid_stream": Scenario(
        "A 200 stream whose connection is closed in the middle of an event.",
        (replace(HAIKU, cut=Cut(AFTER_SOME_TEXT, "drop")),),
    ),
    "dropped_mid_stream_then_ok": Scenario(
        "The connection closed in the middle of an event, then a whole stream.",
        (replace(HAIKU, cut=Cut(AFTER_SOME_TEXT, "drop")), HAIKU),
    ),
    "ended_early": Scenario(
        "A 200 stream that ends cleanly after some text, with no message_delta or message_stop.",
        (replace(HAIKU, cut=Cut(AFTER_SOME_TEXT, "clean")),),
    ),
    "stalled": Scenario(
        "A 200 stream that sends some text, then nothing for 30 seconds.",
        (replace(HAIKU, cut=Cut(AFTER_SOME_TEXT, "stall", stall_seconds=30.0)),),
    ),
    "delta_before_start": Scenario(
        "A broken upstream: the first text delta arrives before its content_block_start.",
        (replace(HAIKU, delta_before_start=True),),
    ),
    "dropped_then_continued": interrupted_then_continued(
        HAIKU, Cut(AFTER_SOME_TEXT, "drop"), CONTINUATION_OVERLAP_CHUNKS
    ),
    "overloaded_then_continued": interrupted_then_continued(
        HAIKU, Cut(AFTER_SOME_TEXT + 4, "error"), CONTINUATION_OVERLAP_CHUNKS
    ),
}
