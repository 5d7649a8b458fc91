"""Structured output while streaming: JSON text deltas, the parsed result at the end, a reply
cut by max_tokens mid-JSON, and a schema the API refuses."""

from __future__ import annotations

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import all_of, answered, sent_streaming_requests
from tests.examples.harness.runner import Run


def asked_for_a_json_schema(run: Run, api: StandIn) -> None:
    """Every request carried the schema as output_config.format, the GA field."""
    for request in api.message_requests:
        fmt = request.body.get("output_config", {}).get("format", {})
        assert fmt.get("type") == "json_schema", f"no JSON output format: {request.body}"
        assert fmt["schema"].get("additionalProperties") is False
        assert "output_format" not in request.body


def cut_mid_json(run: Run, api: StandIn) -> None:
    plans = [r.plan for r in api.message_requests]
    assert plans and plans[0] is not None and plans[0].stop_reason == "max_tokens"


# With output_format the SDK parses the text when its block ends, before message_delta: a reply
# that is not a whole River raises there, and the program never reads its stop reason.
PARSED_BY_THE_SDK = "output_format: the SDK raises ValidationError before the stop reason"


CASES = [
    Case(
        "structured-output/stream_pydantic_output.py",
        "structured_output",
        check=all_of(sent_streaming_requests(), asked_for_a_json_schema),
        ending_unread=PARSED_BY_THE_SDK,
    ),
    Case(
        "structured-output/fields_as_they_arrive.py",
        "structured_output",
        check=all_of(sent_streaming_requests(), asked_for_a_json_schema),
    ),
    Case(
        "structured-output/cut_at_max_tokens.py",
        "structured_output",
        check=all_of(sent_streaming_requests(), asked_for_a_json_schema, cut_mid_json),
        ending_unread=PARSED_BY_THE_SDK,
    ),
    Case(
        "structured-output/check_stop_reason_first.py",
        "structured_output",
        check=all_of(sent_streaming_requests(2), asked_for_a_json_schema),
    ),
    Case("structured-output/open_schema_refused.py", None, check=answered(400)),
]
