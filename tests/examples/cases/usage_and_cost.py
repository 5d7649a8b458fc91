"""Token usage: the final message's, message_delta's cumulative usage while streaming, and a
stream stopped early."""

from tests.examples.harness.case import Case
from tests.examples.harness.checks import closed_the_stream_early, sent_streaming_requests

CASES = [
    Case("usage-and-cost/final_usage.py", "text", check=sent_streaming_requests()),
    Case("usage-and-cost/usage_while_streaming.py", "text", check=sent_streaming_requests()),
    Case("usage-and-cost/usage_when_stopped_early.py", "slow_story", check=closed_the_stream_early),
]
