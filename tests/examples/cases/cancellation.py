"""Cancellation: stopping early closes the connection at once, sync and async."""

from __future__ import annotations

import itertools

from standin import StandIn
from tests.examples.harness.case import Case, Check
from tests.examples.harness.checks import (
    DISCONNECT_WAIT,
    all_of,
    answered,
    named_the_stop_reason,
    sent_streaming_requests,
    stream_read_to_the_end,
    the_disconnect,
)
from tests.examples.harness.runner import Run

IN_FLIGHT = 3


def closed_early(lines: int, *, late: int = 0) -> Check:
    """The program stopped at the first text delta that brought its count of lines to ``lines``
    or more, printed the text up to that delta (and at most ``late`` deltas more, for a stop
    that comes from another task), then its status line; and it closed the connection there:
    the stand-in saw it leave a few events later at most, and never sent the rest.

    The deltas are the ones the stand-in planned for this request, so the check holds for any
    reply shape: one line per delta, several, or lines split across deltas."""

    def check(run: Run, api: StandIn) -> None:
        sent_streaming_requests(1)(run, api)
        (request,) = api.message_requests
        assert request.plan is not None
        deltas = [
            d["text"] for b in request.plan.blocks for d in b.deltas if d["type"] == "text_delta"
        ]
        counted = itertools.accumulate(text.count("\n") for text in deltas)
        upto = next((n for n, seen in enumerate(counted, 1) if seen >= lines), None)
        printed = run.stdout[: run.stdout.rindex("[")].rstrip("\n")
        if upto is None or upto == len(deltas):
            # Not that many lines before the reply's last delta: nothing to stop, read it all.
            assert printed == "".join(deltas).rstrip("\n"), f"printed {printed!r}"
            assert upto is not None or api.wait_for_completion(DISCONNECT_WAIT), (
                "the reply was not read to its end"
            )
            return
        allowed = ["".join(deltas[: upto + extra]).rstrip("\n") for extra in range(late + 1)]
        assert printed in allowed, f"printed {printed!r}, expected the first {upto} deltas"
        gone = the_disconnect(api)
        # message_start, content_block_start, the deltas read, the reply's pings; a few events
        # may be in flight (0.1 s each) before the stand-in notices the close.
        pings = len(getattr(api.scenario.replies[0], "pings", ())) if api.scenario else 0
        assert gone.events_sent <= 2 + upto + late + pings + IN_FLIGHT < len(deltas) + 5

    return check


TWO_PER_DELTA = "slow_counting_two_lines_per_delta"
STOP_EARLY = "cancellation/stop_early.py"
CLOSE_RAW = "cancellation/close_raw_stream.py"
CANCEL_TASK = "cancellation/cancel_task.py"
TWO_LINES = "two lines in every delta is the shape this run proves the program stops on"

CASES = [
    Case(STOP_EARLY, "slow_counting", check=closed_early(3)),
    # Two lines a delta: the count goes 2, 4; a test for exactly 3 lines would never stop.
    Case(
        STOP_EARLY,
        TWO_PER_DELTA,
        check=closed_early(3),
        one_shape=TWO_LINES,
    ),
    # The reply ends before the lines wanted (a refusal): named, not called a stop.
    Case(STOP_EARLY, "refusal", check=named_the_stop_reason),
    Case(CLOSE_RAW, "slow_counting", check=closed_early(3)),
    Case(
        CLOSE_RAW,
        TWO_PER_DELTA,
        check=closed_early(3),
        one_shape=TWO_LINES,
    ),
    Case(CANCEL_TASK, "slow_counting", check=closed_early(1, late=1)),
    # The request fails (after the SDK's two retries): the wait ends with the task.
    Case(
        CANCEL_TASK,
        "status_529",
        exit_code=1,
        check=answered(529, 529, 529),
    ),
    # A reply with no newline at all: the "stop" signal never comes, the reply ends by itself.
    Case(
        CANCEL_TASK,
        "slow_counting_on_one_line",
        check=all_of(sent_streaming_requests(), stream_read_to_the_end),
        timeout=30.0,
        one_shape="the reply must hold no newline: that is the case this run proves",
    ),
]
