"""Streaming without the SDK: a plain HTTP client and a small SSE parser, under odd framings."""

from tests.examples.harness.case import Case
from tests.examples.harness.checks import (
    all_of,
    made_no_request,
    sent_streaming_requests,
    stream_read_to_the_end,
)

CLIENT = "without-sdk/stream_with_httpx2.py"

read_whole_stream = all_of(sent_streaming_requests(), stream_read_to_the_end)


CASES = [
    Case("without-sdk/sse_parser.py", None, check=made_no_request),
    Case(CLIENT, "text", check=read_whole_stream),
    Case(CLIENT, "framed_crlf_one_byte", check=read_whole_stream),
    Case(CLIENT, "framed_cr_seven_bytes", check=read_whole_stream),
    Case(CLIENT, "unknown_event", check=read_whole_stream),
    Case(CLIENT, "overloaded_mid_stream", exit_code=1),
    Case(CLIENT, "ended_early", exit_code=1),
    Case(CLIENT, None, variant="bad_key", env={"ANTHROPIC_API_KEY": "not-a-key"}, exit_code=1),
]
