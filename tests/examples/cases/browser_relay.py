"""The browser relay: its app imports cleanly; its SSE output, seen by an in-process client.

The page itself is driven in Chromium by ``tests/browser/test_relay.py``.
"""

from tests.examples.harness.case import Case
from tests.examples.harness.checks import (
    all_of,
    defines_the_app_without_calling_the_api,
    sent_streaming_requests,
    tells_proxies_not_to_buffer,
)

CASES = [
    Case("browser-relay/app.py", None, check=defines_the_app_without_calling_the_api),
    Case(
        "browser-relay/try_relay.py",
        "text",
        check=all_of(sent_streaming_requests(), tells_proxies_not_to_buffer),
    ),
    Case("browser-relay/try_relay.py", "overloaded_mid_stream"),
]
