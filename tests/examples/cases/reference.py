"""The reference pages: raw wire events, helper events, stop reasons, errors and versions.

The raw SSE snippet sends one request per kind of content a stream can carry (its command-line
argument names the kind) and runs against a scenario that answers that request; its golden
files are the payloads the stream-events page shows, and ``test_reference_events`` parses
them with the installed SDK.
"""

from standin.scenarios.http_errors import ERRORS
from tests.examples.harness.case import Case
from tests.examples.harness.checks import (
    all_of,
    answered,
    sent_streaming_requests,
    stream_read_to_the_end,
)

RAW_SSE = "reference/raw_sse.py"
# The same streams made readable (each data line indented JSON), for the page to show.
PRETTY_SSE = "reference/pretty_sse.py"
HELPER_EVENTS = "reference/helper_events.py"
STOP_REASON = "reference/stop_reason.py"
# Each kind of request raw_sse.py sends, answered by the scenario of the same name.
RAW_SSE_KINDS = ("tool_use", "thinking", "citations", "web_search")

CASES = [
    Case(RAW_SSE, "text", args=("text",), check=sent_streaming_requests()),
    *(Case(RAW_SSE, kind, args=(kind,)) for kind in RAW_SSE_KINDS),
    Case(RAW_SSE, "redacted_thinking", args=("thinking",)),
    Case(RAW_SSE, "overloaded_mid_stream", args=("text",)),
    Case(RAW_SSE, "unknown_event_before_text", args=("text",)),
    Case(PRETTY_SSE, "text", args=("text",)),
    *(Case(PRETTY_SSE, kind, args=(kind,)) for kind in RAW_SSE_KINDS),
    Case(PRETTY_SSE, "redacted_thinking", args=("thinking",)),
    Case(PRETTY_SSE, "overloaded_mid_stream", args=("text",)),
    Case("reference/unknown_events.py", "unknown_event_before_text"),
    Case("reference/removed_sampling_parameters.py", "text"),
    Case(HELPER_EVENTS, "tool_use", args=("tool_use",), check=sent_streaming_requests()),
    Case(HELPER_EVENTS, "thinking", args=("thinking",)),
    Case(HELPER_EVENTS, "citations", args=("citations",)),
    Case(STOP_REASON, "text", args=("text",)),
    Case(STOP_REASON, "tool_use", args=("tool_use",)),
    Case(
        STOP_REASON,
        "ended_early",
        args=("text",),
        exit_code=1,
        capture="stdout+error",
    ),
    *(Case("reference/status_errors.py", f"status_{e.status}") for e in ERRORS),
    Case(
        "reference/retries_before_failing.py",
        "status_529",
        check=answered(529, 529, 529),
    ),
    Case(
        "reference/retries_before_failing.py",
        "status_400",
        check=answered(400),
    ),
    Case("reference/mid_stream_error.py", "overloaded_mid_stream"),
    Case(
        "reference/mid_stream_error.py",
        "text",
        check=all_of(sent_streaming_requests(), stream_read_to_the_end),
    ),
    Case("reference/versions_in_use.py", "text", check=sent_streaming_requests()),
]
