"""Nothing lost, nothing repeated: the resuming page's code, cut at every place a stream can break.

The resume logic is loaded from the very file the page shows (``snippets/resuming/
resume_stream.py``) and run in-process against the stand-in. Each example cuts the first
reply (a drop, an ``error`` event or a clean early end) at an event boundary or at any byte
inside an event; the stand-in's continuation may repeat a few chunks. The text returned, and
the text shown on the way, must both equal the uninterrupted reply exactly.
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

import anthropic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standin import StandIn, events, sse
from standin.replies import Cut, MessageReply
from standin.scenarios import broken_streams, contents
from tests.support.clients import sdk
from tests.support.modules import load_module
from tests.support.paths import SNIPPETS
from tests.support.settings import MODEL

REPLIES = {"haiku": contents.HAIKU, "counting": replace(contents.COUNTING, event_delay=0.0)}


def _load_snippet() -> ModuleType:
    path = SNIPPETS / "resuming" / "resume_stream.py"
    return load_module(path, "resume_stream")


RESUME = _load_snippet()


def _encoded_events(reply: MessageReply) -> list[bytes]:
    plan = events.plan(reply, message_id="msg_x", model=MODEL, asked=events.Asked(max_tokens=1024))
    return [sse.encode_event(name, data) for name, data in events.stream_events(plan)]


def _resume_through(reply: MessageReply, cut: Cut, overlap_chunks: int) -> tuple[str, str, int]:
    scenario = broken_streams.interrupted_then_continued(reply, cut, overlap_chunks)
    shown: list[str] = []
    with StandIn(scenario) as api:
        # The SDK's own retries stay on, as in the snippet: after a cut the stand-in closes the
        # connection, and on a loaded machine the client may try to reuse it first.
        client = sdk(api.url, max_retries=anthropic.DEFAULT_MAX_RETRIES)
        result = RESUME.stream_with_resume(
            client,
            shown.append,
            pause_seconds=0.0,
            model=MODEL,
            max_tokens=1024,
            messages=[{"role": "user", "content": "Write it."}],
        )
        client.close()
        requests = len(api.message_requests)
    assert result.stop_reason == "end_turn"
    return result.text, "".join(shown), requests


@pytest.mark.parametrize("kind", ["drop", "error", "clean"])
@pytest.mark.parametrize("overlap_chunks", [0, 2])
def test_cut_at_every_event_boundary(kind: str, overlap_chunks: int) -> None:
    reply = REPLIES["haiku"]
    whole = reply.blocks[0].text
    for after in range(len(_encoded_events(reply))):
        cut = Cut(after, kind, partial_bytes=0) if kind == "drop" else Cut(after, kind)
        text, shown, requests = _resume_through(reply, cut, overlap_chunks)
        assert text == whole, f"cut {kind} after {after} events"
        assert shown == whole, f"cut {kind} after {after} events: the reader saw {shown!r}"
        assert requests <= 2


@st.composite
def _byte_cuts(draw: st.DrawFn) -> tuple[str, Cut, int]:
    name = draw(st.sampled_from(sorted(REPLIES)))
    encoded = _encoded_events(REPLIES[name])
    after = draw(st.integers(0, len(encoded) - 1))
    inside = draw(st.integers(0, len(encoded[after]) - 1))
    return name, Cut(after, "drop", partial_bytes=inside), draw(st.integers(0, 3))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_byte_cuts())
def test_cut_at_any_byte(case: tuple[str, Cut, int]) -> None:
    name, cut, overlap_chunks = case
    whole = REPLIES[name].blocks[0].text
    text, shown, _ = _resume_through(REPLIES[name], cut, overlap_chunks)
    assert text == whole
    assert shown == whole


def test_the_stand_in_repeats_no_less_than_the_snippet_can_recognise() -> None:
    assert broken_streams.MIN_REPEAT_CHARS >= RESUME.MIN_OVERLAP


def test_overlap_trims_only_a_real_repeat() -> None:
    assert RESUME.overlap("stone by stone", " stone toward") == len(" stone")
    assert RESUME.overlap("the sea", "each bend") == 0
    assert RESUME.overlap("a b", " b c") == 0, "a match shorter than MIN_OVERLAP is not a repeat"
