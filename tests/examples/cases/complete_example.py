"""The complete example, under the happy path and each failure it claims to handle."""

from tests.examples.harness.case import Case
from tests.examples.harness.checks import all_of, sent_streaming_requests, stream_read_to_the_end

SNIPPET = "complete-example/stream_with_error_handling.py"

CASES = [
    Case(SNIPPET, "text", check=sent_streaming_requests()),
    Case(SNIPPET, "rate_limited_then_ok", check=sent_streaming_requests(2)),
    Case(
        SNIPPET,
        "overloaded_mid_stream",
        exit_code=1,
        capture="combined",
    ),
    Case(SNIPPET, "dropped_mid_stream", exit_code=1, capture="combined"),
    Case(SNIPPET, "ended_early", exit_code=1, capture="combined"),
    # Whole streams whose reply is not a finished answer: exit 1 too.
    Case(
        SNIPPET,
        "long_story",
        args=("Tell me a long story about a lighthouse.",),
        exit_code=1,
        capture="combined",
        check=all_of(sent_streaming_requests(), stream_read_to_the_end),
    ),
    Case(
        SNIPPET,
        "refusal",
        exit_code=1,
        capture="combined",
        check=all_of(sent_streaming_requests(), stream_read_to_the_end),
    ),
    Case(
        SNIPPET,
        None,
        variant="bad_key",
        env={"ANTHROPIC_API_KEY": "not-a-key"},
        exit_code=1,
        capture="combined",
    ),
]
