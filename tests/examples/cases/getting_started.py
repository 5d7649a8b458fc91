"""The step-by-step page: curl, sync, async, final message and raw events."""

from tests.examples.harness.case import Case
from tests.examples.harness.checks import named_the_stop_reason, sent_streaming_requests

# raw_events.py takes the kind of request to send from its command line.
RAW_EVENTS = "getting-started/raw_events.py"

CASES = [
    Case("getting-started/stream_curl.sh", "text", check=sent_streaming_requests()),
    Case("getting-started/stream_text.py", "text", check=sent_streaming_requests()),
    Case("getting-started/stream_text_async.py", "text", check=sent_streaming_requests()),
    # A refusal with no text: the program says so instead of ending on an empty line.
    Case("getting-started/stream_text.py", "refusal", check=named_the_stop_reason),
    Case("getting-started/stream_text_async.py", "refusal", check=named_the_stop_reason),
    Case("getting-started/final_message.py", "text", check=sent_streaming_requests()),
    Case(RAW_EVENTS, "tool_use", args=("tool_use",), check=sent_streaming_requests()),
    Case(RAW_EVENTS, "thinking", args=("thinking",)),
    Case(RAW_EVENTS, "citations", args=("citations",)),
]
