"""The browser relay: its app imports cleanly; its SSE output, seen by an in-process client.

The page itself is driven in Chromium by ``tests/browser/test_relay.py``.
"""

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import made_no_request, sent_streaming_requests
from tests.examples.harness.runner import Run


def defines_the_app_without_calling_the_api(run: Run, api: StandIn) -> None:
    made_no_request(run, api)
    assert run.stdout == "", "importing the app printed something"


CASES = [
    Case("browser-relay/app.py", None, check=defines_the_app_without_calling_the_api),
    Case("browser-relay/try_relay.py", "text", check=sent_streaming_requests()),
    Case("browser-relay/try_relay.py", "overloaded_mid_stream"),
]
