"""Reusable assertions about what a snippet did: the requests the stand-in saw, how the
connection ended, how the program failed.

Every check has the ``Check`` shape, ``(run, api) -> None``; the ones that take arguments
return a ``Check``. Checks about one page's own promise stay in that page's case module and
are built from these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from standin import StandIn
from standin.validation import CURRENT_VERSION

from .case import Check, Run

if TYPE_CHECKING:
    from standin.server import Disconnect

# How long to wait for the stand-in to notice that a client left: it sees the socket close
# a moment after the program has exited.
DISCONNECT_WAIT = 2.0


def all_of(*checks: Check) -> Check:
    """Every one of ``checks``, in order."""

    def check(run: Run, api: StandIn) -> None:
        for each in checks:
            each(run, api)

    return check


def made_no_request(run: Run, api: StandIn) -> None:
    """The program never reached the stand-in (it must work, or fail, without the API)."""
    assert not api.requests, f"the stand-in was not supposed to be reached: {api.requests}"


def defines_the_app_without_calling_the_api(run: Run, api: StandIn) -> None:
    """A relay's app file, run on its own: it imports, prints nothing and calls nothing."""
    made_no_request(run, api)
    assert run.stdout == "", "importing the app printed something"


def tells_proxies_not_to_buffer(run: Run, api: StandIn) -> None:
    """A relay's response, printed with its headers, carries ``X-Accel-Buffering: no``."""
    assert "x-accel-buffering: no\n" in run.stdout, "the relay lets proxies buffer its stream"


def sent_streaming_requests(count: int = 1) -> Check:
    """The snippet made ``count`` valid streaming requests with the current API version."""

    def check(run: Run, api: StandIn) -> None:
        sent = api.message_requests
        assert len(sent) == count, f"expected {count} request(s), the stand-in saw {len(sent)}"
        for request in sent:
            assert request.body.get("stream") is True, "the request did not ask for a stream"
            assert request.headers.get("anthropic-version") == CURRENT_VERSION
            assert request.status in (200, 429, 500, 529), f"refused with {request.status}"

    return check


def answered(*statuses: int) -> Check:
    """The stand-in received exactly ``len(statuses)`` requests (the first attempt and every
    retry) and answered them with these HTTP statuses, in order."""

    def check(run: Run, api: StandIn) -> None:
        seen = [r.status for r in api.message_requests]
        assert seen == list(statuses), (
            f"expected answers {list(statuses)}, the stand-in gave {seen}"
        )

    return check


def streamed(*statuses: int) -> Check:
    """``sent_streaming_requests(len(statuses))``, answered with ``statuses`` in order."""
    return all_of(answered(*statuses), sent_streaming_requests(len(statuses)))


def asked_for_max_tokens(*budgets: int) -> Check:
    """One valid streaming request per budget, each with that ``max_tokens``, in order."""

    def check(run: Run, api: StandIn) -> None:
        sent_streaming_requests(len(budgets))(run, api)
        assert [r.body["max_tokens"] for r in api.message_requests] == list(budgets)

    return check


def stream_read_to_the_end(run: Run, api: StandIn) -> None:
    assert api.wait_for_completion(DISCONNECT_WAIT), "the stand-in never finished sending a stream"


def the_disconnect(api: StandIn, wait: float = DISCONNECT_WAIT) -> Disconnect:
    """The client's departure from a stream the stand-in had not finished sending."""
    gone = api.wait_for_disconnect(wait)
    assert gone is not None, "the stand-in never saw the client close the connection"
    assert not api.completed, "the whole stream was sent: the client did not leave early"
    return gone


def closed_the_stream_early(run: Run, api: StandIn) -> None:
    """The client closed the connection before the stand-in had sent the whole stream."""
    the_disconnect(api)


def named_the_stop_reason(run: Run, api: StandIn) -> None:
    """The reply did not end with ``end_turn`` (a refusal, say), and the program's last line says
    why, as every program on the site does (``[stop_reason: ...]``), rather than ending silently."""
    sent_streaming_requests(1)(run, api)
    (request,) = api.message_requests
    assert request.plan is not None and request.plan.stop_reason != "end_turn"
    last = run.stdout.rstrip("\n").rsplit("\n", 1)[-1]
    assert f"stop_reason: {request.plan.stop_reason}]" in last, f"last line: {last!r}"


def raised(exception: str) -> Check:
    """The program died of ``exception`` (the last line of its traceback names it)."""

    def check(run: Run, api: StandIn) -> None:
        assert run.error_line.startswith(f"{exception}:"), run.stderr[-500:]

    return check


def replies_fit_the_requests(run: Run, api: StandIn) -> None:
    """Every reply was one the real API could give to the request the snippet sent (thinking
    only when asked for, tools only when offered, and so on: ``standin/fit.py``). Run on every
    snippet case, so no page shows an output its code cannot get."""
    problems = [
        f"request {n}: {problem}"
        for n, request in enumerate(api.message_requests, 1)
        for problem in request.mismatches
    ]
    assert not problems, (
        f"{run.case.id}: the scenario {run.case.scenario!r} answered with what the real API "
        "would not send for this request:\n  " + "\n  ".join(problems)
    )
