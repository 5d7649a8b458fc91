"""The reference pages: raw wire events, helper events, stop reasons, errors and versions.

The raw SSE snippet sends one request per kind of content a stream can carry (its command-line
argument names the kind) and runs against a scenario that answers that request; its golden
files are the payloads the stream-events page shows, and ``test_reference_events`` parses
them with the installed SDK.
"""

from dataclasses import replace

from standin.replies import MessageReply, RedactedThinking, text
from standin.scenarios import Scenario
from standin.scenarios.basic import THINKING
from standin.scenarios.http_errors import ERRORS
from tests.examples.harness.case import Case
from tests.examples.harness.checks import (
    all_of,
    answered,
    sent_streaming_requests,
    stream_read_to_the_end,
)

RAW_SSE = "reference/raw_sse.py"
HELPER_EVENTS = "reference/helper_events.py"
STOP_REASON = "reference/stop_reason.py"
# Each kind of request raw_sse.py sends, answered by the scenario of the same name.
RAW_SSE_KINDS = ("tool_use", "thinking", "citations", "web_search")

UNKNOWN_EVENT = Scenario(
    "A short text answer with an event type no client knows yet, before its first delta.",
    (replace(text("Hello", " there."), unknown_events=(2,)),),
)

# No request asks for redacted thinking: with thinking on, the service sends a redacted_thinking
# block in place of a thinking block when part of the thinking was redacted for safety (SDK:
# RedactedThinkingBlock.data). So it answers the thinking request here.
REDACTED_THINKING = Scenario(
    "Thinking the service redacted (a redacted_thinking block), then the answer.",
    (MessageReply(blocks=(RedactedThinking(), THINKING.blocks[1])),),
)


CASES = [
    Case(RAW_SSE, "text", args=("text",), check=sent_streaming_requests()),
    *(Case(RAW_SSE, kind, variant=kind, args=(kind,)) for kind in RAW_SSE_KINDS),
    Case(RAW_SSE, REDACTED_THINKING, variant="redacted_thinking", args=("thinking",)),
    Case(RAW_SSE, "overloaded_mid_stream", variant="overloaded_mid_stream", args=("text",)),
    Case(RAW_SSE, UNKNOWN_EVENT, variant="unknown_event", args=("text",)),
    Case("reference/unknown_events.py", UNKNOWN_EVENT),
    Case("reference/removed_sampling_parameters.py", "text"),
    Case(HELPER_EVENTS, "tool_use", args=("tool_use",), check=sent_streaming_requests()),
    Case(HELPER_EVENTS, "thinking", variant="thinking", args=("thinking",)),
    Case(HELPER_EVENTS, "citations", variant="citations", args=("citations",)),
    Case(STOP_REASON, "text", args=("text",)),
    Case(STOP_REASON, "tool_use", variant="tool_use", args=("tool_use",)),
    Case(
        STOP_REASON,
        "ended_early",
        variant="ended_early",
        args=("text",),
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
