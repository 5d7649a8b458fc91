"""Testing your own streaming code: the page's examples are tests, run as scripts."""

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import sent_streaming_requests
from tests.examples.harness.runner import Run


def made_no_request(run: Run, api: StandIn) -> None:
    assert not api.requests, "these tests must not need the API (or a key)"


# These run pytest in a second interpreter: allow for two interpreter starts on a busy machine.
SLOW = 110.0

CASES = [
    Case("testing-your-code/summarize.py", "text", check=sent_streaming_requests()),
    Case(
        "testing-your-code/test_summarize_with_mock_transport.py",
        None,
        check=made_no_request,
        timeout=SLOW,
    ),
    Case(
        "testing-your-code/test_summarize_with_local_server.py",
        None,
        check=made_no_request,
        timeout=SLOW,
    ),
]
