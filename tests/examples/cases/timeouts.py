"""Timeouts and long requests: read timeouts bound gaps, the ten-minute rule, an idle watchdog."""

from __future__ import annotations

from standin import StandIn
from standin.scenarios import contents
from tests.examples.harness.case import Case, Check
from tests.examples.harness.checks import (
    DISCONNECT_WAIT,
    asked_for_max_tokens,
    made_no_request,
    sent_streaming_requests,
    the_disconnect,
)
from tests.examples.harness.runner import Run


def outlasted_the_read_timeout(read_timeout: float) -> Check:
    """The stream took longer in all than the read timeout (slow_text is paced at 0.1 s per
    event, proven in test_standin_faults), and was still read to the end."""

    def check(run: Run, api: StandIn) -> None:
        sent_streaming_requests(1)(run, api)
        paced = contents.SLOW_HAIKU.event_delay * (len(contents.SLOW_HAIKU.blocks[0].chunks) + 4)
        assert paced > 2 * read_timeout
        assert api.wait_for_completion(DISCONNECT_WAIT), "the slow stream was not read to the end"
        assert not api.disconnects

    return check


def gave_up_early(within: float) -> Check:
    """The client left mid-stream, after the text before the fault, well before it ended."""

    def check(run: Run, api: StandIn) -> None:
        sent_streaming_requests(1)(run, api)
        gone = the_disconnect(api)
        assert gone.events_sent == contents.AFTER_SOME_TEXT
        assert gone.at - api.message_requests[0].at < within

    return check


READ = "timeouts/read_timeout.py"
WATCHDOG = "timeouts/idle_watchdog.py"
SHORT_READ = {"READ_TIMEOUT_SECONDS": "0.5"}
SHORT_IDLE = {"IDLE_TIMEOUT_SECONDS": "1"}

CASES = [
    Case("timeouts/timeout_settings.py", None, check=made_no_request),
    # slow_text takes about 2 s in all, with 0.1 s between events: under a 0.5 s read limit.
    Case(READ, "slow_text", env=SHORT_READ, check=outlasted_the_read_timeout(0.5)),
    Case(READ, "stalled", env=SHORT_READ, exit_code=1, check=gave_up_early(8.0)),
    Case(
        "timeouts/streaming_required.py",
        None,
        exit_code=1,
        capture="stdout+error",
        check=made_no_request,
    ),
    Case("timeouts/long_request_streamed.py", "story", check=asked_for_max_tokens(64000)),
    Case(WATCHDOG, "slow_text", env=SHORT_IDLE, check=sent_streaming_requests()),
    # The pause lasts 20 s with a ping every 0.2 s; the watchdog (1 s) must leave long before.
    Case(
        WATCHDOG,
        "pings_during_pause",
        env=SHORT_IDLE,
        exit_code=1,
        check=gave_up_early(8.0),
    ),
]
