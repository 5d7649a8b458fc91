"""Resuming: an interrupted reply is continued as documented for Claude 4.6 and later."""

from __future__ import annotations

import time

from standin import StandIn
from standin.scenarios import contents
from tests.examples.harness.case import Case, Check
from tests.examples.harness.checks import DISCONNECT_WAIT, sent_streaming_requests, streamed
from tests.examples.harness.runner import Run

HAIKU_TEXT = contents.HAIKU.blocks[0].text


def continued_as_documented(partial: str) -> Check:
    """The second request carried the partial text as an assistant turn, then a user turn
    quoting its end; the reader saw the whole reply once."""

    def check(run: Run, api: StandIn) -> None:
        sent_streaming_requests(2)(run, api)
        first, second = (r.body["messages"] for r in api.message_requests)
        assert second[: len(first)] == first
        assistant, ask = second[len(first) :]
        assert assistant == {"role": "assistant", "content": partial}
        assert ask["role"] == "user" and partial[-20:] in ask["content"]
        assert "interrupted" in ask["content"]
        assert run.stdout.startswith(HAIKU_TEXT + "\n[")
        assert api.wait_for_completion(DISCONNECT_WAIT), "the continuation was not read to the end"

    return check


def gave_up_without_a_last_wait(run: Run, api: StandIn) -> None:
    """Every try broke (the first request and three resumes), and the program ended at once
    after the last one: its waits (1, 2, 4 s) come only between tries, not after the last."""
    streamed(200, 200, 200, 200)(run, api)
    since_last = time.monotonic() - api.message_requests[-1].at
    assert since_last < 5.0, f"the program went on for {since_last:.1f} s after its last try"


SNIPPET = "resuming/resume_stream.py"

CASES = [
    Case(SNIPPET, "dropped_then_continued", check=continued_as_documented("Rivers carry light")),
    Case(
        SNIPPET,
        "overloaded_then_continued",
        check=continued_as_documented("Rivers carry light\nstone by stone"),
    ),
    # An error event no retry can fix: reported, and never resumed.
    Case(
        SNIPPET,
        "invalid_request_mid_stream",
        exit_code=1,
        check=streamed(200),
    ),
    Case(
        SNIPPET,
        "overloaded_mid_stream",
        exit_code=1,
        check=gave_up_without_a_last_wait,
    ),
]
