"""The browser relay: its app imports cleanly; its SSE output, seen by an in-process client.

The page itself is driven in Chromium by ``tests/test_relay_browser.py``.
"""

from tests.harness.case import Case
from tests.harness.checks import sent_streaming_requests
from tests.harness.runner import Run
from tests.standin import StandIn


def defines_the_app_without_calling_the_api(run: Run, api: StandIn) -> None:
    assert run.stdout == "" and not api.requests


CASES = [
    Case("browser-relay/app.py", None, check=defines_the_app_without_calling_the_api),
    Case("browser-relay/try_relay.py", "text", check=sent_streaming_requests()),
    Case("browser-relay/try_relay.py", "overloaded_mid_stream", variant="overloaded_mid_stream"),
]
