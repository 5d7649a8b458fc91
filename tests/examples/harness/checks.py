"""Reusable assertions about what a snippet sent to the stand-in."""

from __future__ import annotations

from standin import StandIn
from standin.validation import CURRENT_VERSION

from .runner import Run


def sent_streaming_requests(count: int = 1):  # type: ignore[no-untyped-def]
    """The snippet made ``count`` valid streaming requests with the current API version."""

    def check(run: Run, api: StandIn) -> None:
        sent = api.message_requests
        assert len(sent) == count, f"expected {count} request(s), the stand-in saw {len(sent)}"
        for request in sent:
            assert request.body.get("stream") is True, "the request did not ask for a stream"
            assert request.headers.get("anthropic-version") == CURRENT_VERSION
            assert request.status in (200, 429, 500, 529), f"refused with {request.status}"

    return check


def stream_read_to_the_end(run: Run, api: StandIn) -> None:
    assert api.completed, "the stand-in never finished sending a stream"
