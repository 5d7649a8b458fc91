"""Cancellation: stopping early closes the connection at once, sync and async."""

from __future__ import annotations

from standin import StandIn
from standin.replies import MessageReply, Text
from standin.scenarios import examples_faults, faults
from tests.examples.harness.case import Case, Check
from tests.examples.harness.checks import (
    all_of,
    answered,
    sent_streaming_requests,
    stream_read_to_the_end,
    the_disconnect,
)
from tests.examples.harness.runner import Run

IN_FLIGHT = 3


def closed_early(reply: MessageReply, *, lines: int, deltas: int) -> Check:
    """The client closed the connection right after the text delta that brought its ``lines``
    lines (the ``deltas``-th): the stand-in saw it leave and never sent the rest of ``reply``."""
    (block,) = reply.blocks
    assert isinstance(block, Text)
    # message_start, content_block_start, the deltas, content_block_stop, message_delta, message_stop.
    whole_stream = 2 + len(block.chunks) + 3

    def check(run: Run, api: StandIn) -> None:
        sent_streaming_requests(1)(run, api)
        gone = the_disconnect(api)
        # Two events before the text, then the deltas read; allow a few in flight (0.1 s each).
        assert gone.events_sent <= 2 + deltas + IN_FLIGHT < whole_stream
        assert run.stdout.count("Line ") == lines

    return check


ONE_LINE_PER_DELTA = faults.COUNTING
TWO_LINES_PER_DELTA = examples_faults.COUNTING_TWO_LINES_PER_DELTA
TWO_PER_DELTA = "slow_counting_two_lines_per_delta"
STOP_EARLY = "cancellation/stop_early.py"
CLOSE_RAW = "cancellation/close_raw_stream.py"
CANCEL_TASK = "cancellation/cancel_task.py"
TWO_LINES = "two lines in every delta is the shape this run proves the program stops on"

CASES = [
    Case(STOP_EARLY, "slow_counting", check=closed_early(ONE_LINE_PER_DELTA, lines=3, deltas=3)),
    # Two lines a delta: the count goes 2, 4; a test for exactly 3 lines would never stop.
    Case(
        STOP_EARLY,
        TWO_PER_DELTA,
        variant="two_lines_per_delta",
        check=closed_early(TWO_LINES_PER_DELTA, lines=4, deltas=2),
        one_shape=TWO_LINES,
    ),
    Case(CLOSE_RAW, "slow_counting", check=closed_early(ONE_LINE_PER_DELTA, lines=3, deltas=3)),
    Case(
        CLOSE_RAW,
        TWO_PER_DELTA,
        variant="two_lines_per_delta",
        check=closed_early(TWO_LINES_PER_DELTA, lines=4, deltas=2),
        one_shape=TWO_LINES,
    ),
    Case(CANCEL_TASK, "slow_counting", check=closed_early(ONE_LINE_PER_DELTA, lines=1, deltas=1)),
    # The request fails (after the SDK's two retries): the wait ends with the task.
    Case(
        CANCEL_TASK,
        "status_529",
        variant="request_failed",
        exit_code=1,
        check=answered(529, 529, 529),
    ),
    # A reply with no newline at all: the "stop" signal never comes, the reply ends by itself.
    Case(
        CANCEL_TASK,
        "slow_story",
        variant="no_newline",
        check=all_of(sent_streaming_requests(), stream_read_to_the_end),
        timeout=30.0,
        one_shape="the reply must hold no newline: that is the case this run proves",
    ),
]
