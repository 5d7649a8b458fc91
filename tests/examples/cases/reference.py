"""The reference pages: raw wire events, helper events, stop reasons, errors and versions.

The raw SSE snippet runs against one scenario per kind of content a stream can carry; its
golden files are the payloads the stream-events page shows, and ``test_reference_events``
parses them with the installed SDK.
"""

from dataclasses import replace

from standin.replies import text
from standin.scenarios import Scenario
from standin.scenarios.http_errors import ERRORS
from tests.examples.harness.case import Case
from tests.examples.harness.checks import (
    all_of,
    answered,
    sent_streaming_requests,
    stream_read_to_the_end,
)

RAW_SSE = "reference/raw_sse.py"
RAW_SSE_SCENARIOS = (
    "tool_use",
    "thinking",
    "citations",
    "web_search",
    "redacted_thinking",
    "overloaded_mid_stream",
)

UNKNOWN_EVENT = Scenario(
    "A short text answer with an event type no client knows yet, before its first delta.",
    (replace(text("Hello", " there."), unknown_events=(2,)),),
)


CASES = [
    Case(RAW_SSE, "text", check=sent_streaming_requests()),
    *(Case(RAW_SSE, name, variant=name) for name in RAW_SSE_SCENARIOS),
    Case(RAW_SSE, UNKNOWN_EVENT, variant="unknown_event"),
    Case("reference/unknown_events.py", UNKNOWN_EVENT),
    Case("reference/removed_sampling_parameters.py", "text"),
    Case("reference/helper_events.py", "tool_use", check=sent_streaming_requests()),
    Case("reference/helper_events.py", "thinking", variant="thinking"),
    Case("reference/helper_events.py", "citations", variant="citations"),
    Case("reference/stop_reason.py", "text"),
    Case("reference/stop_reason.py", "tool_use", variant="tool_use"),
    Case(
        "reference/stop_reason.py",
        "ended_early",
        variant="ended_early",
        exit_code=1,
        output="stdout+error",
    ),
    *(
        Case("reference/status_errors.py", f"status_{e.status}", variant=f"status_{e.status}")
        for e in ERRORS
    ),
    Case(
        "reference/retries_before_failing.py",
        "status_529",
        variant="status_529",
        check=answered(529, 529, 529),
    ),
    Case(
        "reference/retries_before_failing.py",
        "status_400",
        variant="status_400",
        check=answered(400),
    ),
    Case("reference/mid_stream_error.py", "overloaded_mid_stream"),
    Case(
        "reference/mid_stream_error.py",
        "text",
        variant="no_error",
        check=all_of(sent_streaming_requests(), stream_read_to_the_end),
    ),
    Case("reference/versions_in_use.py", "text", check=sent_streaming_requests()),
]
