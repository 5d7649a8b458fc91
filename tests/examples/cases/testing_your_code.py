"""Testing your own streaming code: the page's examples are tests, run as scripts."""

from tests.examples.harness.case import Case
from tests.examples.harness.checks import made_no_request, sent_streaming_requests

# These run pytest in a second interpreter: allow for two interpreter starts on a busy machine.
SLOW = 110.0

CASES = [
    Case("testing-your-code/summarize.py", "summary", check=sent_streaming_requests()),
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
