"""Resuming: an interrupted reply is continued as documented for Claude 4.6 and later."""

from __future__ import annotations

from standin import StandIn
from standin.scenarios import basic
from tests.examples.harness.case import Case, Check
from tests.examples.harness.checks import sent_streaming_requests
from tests.examples.harness.runner import Run

HAIKU_TEXT = basic.HAIKU.blocks[0].text


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
        assert api.completed, "the continuation was not read to the end"

    return check


SNIPPET = "resuming/resume_stream.py"

CASES = [
    Case(SNIPPET, "dropped_then_continued", check=continued_as_documented("Rivers carry light")),
    Case(
        SNIPPET,
        "overloaded_then_continued",
        variant="error_event",
        check=continued_as_documented("Rivers carry light\nstone by stone"),
    ),
]
