"""Cancellation: stopping early closes the connection at once, sync and async."""

from __future__ import annotations

from standin import StandIn
from standin.scenarios import faults
from tests.examples.harness.case import Case, Check
from tests.examples.harness.checks import sent_streaming_requests, the_disconnect
from tests.examples.harness.runner import Run

# message_start, content_block_start, 40 deltas, content_block_stop, message_delta, message_stop.
WHOLE_STREAM = 2 + len(faults.COUNTING.blocks[0].chunks) + 3
IN_FLIGHT = 3


def closed_early(lines: int) -> Check:
    """The client closed the connection right after ``lines`` lines: the stand-in saw it
    leave and never sent the rest of the stream."""

    def check(run: Run, api: StandIn) -> None:
        sent_streaming_requests(1)(run, api)
        gone = the_disconnect(api)
        # Two events before the text, then one per line; allow a few in flight (0.1 s each).
        assert gone.events_sent <= 2 + lines + IN_FLIGHT < WHOLE_STREAM
        assert run.stdout.count("Line ") == lines

    return check


CASES = [
    Case("cancellation/stop_early.py", "slow_counting", check=closed_early(3)),
    Case("cancellation/close_raw_stream.py", "slow_counting", check=closed_early(3)),
    Case("cancellation/cancel_task.py", "slow_counting", check=closed_early(1)),
]
