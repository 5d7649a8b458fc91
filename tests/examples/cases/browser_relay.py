"""The browser relay: its app imports cleanly; its SSE output, seen by an in-process client.

The page itself is driven in Chromium by ``tests/browser/test_relay.py``.
"""

from tests.examples.harness.case import Case
from tests.examples.harness.checks import (
    defines_the_app_without_calling_the_api,
    sent_streaming_requests,
)

CASES = [
    Case("browser-relay/app.py", None, check=defines_the_app_without_calling_the_api),
    Case("browser-relay/try_relay.py", "text", check=sent_streaming_requests()),
    Case("browser-relay/try_relay.py", "overloaded_mid_stream"),
]
