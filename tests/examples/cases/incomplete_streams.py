"""Incomplete streams: a clean early end, and replies cut by max_tokens, detected."""

from __future__ import annotations

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import asked_for_max_tokens, sent_streaming_requests
from tests.examples.harness.runner import Run


def body_cut_short(run: Run, api: StandIn) -> None:
    """The stand-in ended the body early (no message_stop), and the snippet saw it as such."""
    sent_streaming_requests(1)(run, api)
    assert api.completed == [], "the stream was not supposed to be complete"
    assert "INCOMPLETE" in run.stdout


DETECT = "incomplete-streams/detect_incomplete.py"
DETECT_RAW = "incomplete-streams/detect_incomplete_raw.py"

CASES = [
    Case(DETECT, "text", check=sent_streaming_requests()),
    Case(DETECT, "ended_early", exit_code=1, check=body_cut_short),
    Case(DETECT_RAW, "text", check=sent_streaming_requests()),
    Case(DETECT_RAW, "ended_early", exit_code=1, check=body_cut_short),
    Case(DETECT_RAW, "unknown_event", check=sent_streaming_requests()),
    Case("incomplete-streams/max_tokens_mid_text.py", "text", check=asked_for_max_tokens(8, 1024)),
    Case(
        "incomplete-streams/max_tokens_mid_tool_input.py",
        "tool_use",
        exit_code=1,
        check=asked_for_max_tokens(10),
    ),
]
