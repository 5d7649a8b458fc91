"""The step-by-step page: curl, sync, async, final message and raw events."""

from tests.examples.harness.case import Case
from tests.examples.harness.checks import sent_streaming_requests

CASES = [
    Case("getting-started/stream_curl.sh", "text", check=sent_streaming_requests()),
    Case("getting-started/stream_text.py", "text", check=sent_streaming_requests()),
    Case("getting-started/stream_text_async.py", "text", check=sent_streaming_requests()),
    Case("getting-started/final_message.py", "text", check=sent_streaming_requests()),
    Case("getting-started/raw_events.py", "tool_use", check=sent_streaming_requests()),
    Case("getting-started/raw_events.py", "thinking", variant="thinking"),
    Case("getting-started/raw_events.py", "citations", variant="citations"),
]
