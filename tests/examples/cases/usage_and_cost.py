"""Token usage while streaming: cumulative message_delta usage, and a stream stopped early."""

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import sent_streaming_requests
from tests.examples.harness.runner import Run


def closed_the_stream_early(run: Run, api: StandIn) -> None:
    gone = api.wait_for_disconnect(1.0)
    assert gone is not None, "the stand-in never saw the stream closed"
    assert not api.completed, "the whole stream was sent anyway"


CASES = [
    Case("usage-and-cost/usage_while_streaming.py", "text", check=sent_streaming_requests()),
    Case("usage-and-cost/usage_when_stopped_early.py", "slow_story", check=closed_the_stream_early),
]
