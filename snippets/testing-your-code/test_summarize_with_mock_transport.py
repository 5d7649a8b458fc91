"""Test streaming code with no network and no key: the SDK's HTTP client on
httpx2's MockTransport. Run with pytest, or as a script."""

import json
import subprocess
import sys
from pathlib import Path

import anthropic
import httpx2
import pytest
from summarize import IncompleteReplyError, summarize

MODEL = "claude-sonnet-5-5"


def sse_body(events: list[dict]) -> bytes:
    return "".join(
        f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events
    ).encode()


def reply(*chunks: str, stop_reason: str | None = "end_turn") -> list[dict]:
    """The events of a one-text-block reply; stop_reason None leaves out the
    ending."""
    events = [
        {
            "type": "message_start",
            "message": {
                "id": "msg_test",
                "type": "message",
                "role": "assistant",
                "model": MODEL,
                "content": [],
                "stop_reason": None,
                "stop_sequence": None,
                "usage": {"input_tokens": 12, "output_tokens": 1},
            },
        },
        {
            "type": "content_block_start",
            "index": 0,
            "content_block": {"type": "text", "text": ""},
        },
        *(
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "text_delta", "text": c},
            }
            for c in chunks
        ),
        {"type": "content_block_stop", "index": 0},
    ]
    if stop_reason is not None:
        events += [
            {
                "type": "message_delta",
                "delta": {"stop_reason": stop_reason, "stop_sequence": None},
                "usage": {"output_tokens": len(chunks)},
            },
            {"type": "message_stop"},
        ]
    return events


def client_answering(
    response: httpx2.Response, seen: list[httpx2.Request]
) -> anthropic.Anthropic:
    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return response

    http_client = httpx2.Client(transport=httpx2.MockTransport(handler))
    return anthropic.Anthropic(
        api_key="fake-key-for-tests", http_client=http_client, max_retries=0
    )


def streamed(events: list[dict]) -> httpx2.Response:
    return httpx2.Response(
        200,
        headers={"content-type": "text/event-stream"},
        content=sse_body(events),
    )


def test_returns_the_text_and_passes_on_each_piece() -> None:
    pieces: list[str] = []
    client = client_answering(
        streamed(reply("Rivers", " shape", " valleys.")), []
    )

    assert (
        summarize(client, "...", on_text=pieces.append)
        == "Rivers shape valleys."
    )
    assert pieces == ["Rivers", " shape", " valleys."]


def test_sends_one_streaming_request() -> None:
    seen: list[httpx2.Request] = []
    summarize(
        client_answering(streamed(reply("Done.")), seen),
        "A long text.",
        on_text=len,
    )

    (request,) = seen
    body = json.loads(request.content)
    assert request.url.path == "/v1/messages"
    assert body["stream"] is True
    assert body["model"] == MODEL
    assert "A long text." in body["messages"][0]["content"]


def test_a_reply_cut_short_is_refused() -> None:
    client = client_answering(
        streamed(reply("Rivers", " sha", stop_reason=None)), []
    )
    with pytest.raises(IncompleteReplyError, match="stop_reason=None"):
        summarize(client, "...", on_text=len)


def test_an_error_event_mid_stream_raises() -> None:
    error = {
        "type": "error",
        "error": {"type": "overloaded_error", "message": "Overloaded"},
    }
    client = client_answering(
        streamed([*reply("Riv", stop_reason=None), error]), []
    )
    with pytest.raises(anthropic.APIStatusError) as raised:
        summarize(client, "...", on_text=len)
    assert raised.value.type == "overloaded_error"


def test_a_rate_limit_is_raised_as_such() -> None:
    body = {
        "type": "error",
        "error": {"type": "rate_limit_error", "message": "Slow down"},
    }
    client = client_answering(httpx2.Response(429, json=body), [])
    with pytest.raises(anthropic.RateLimitError):
        summarize(client, "...", on_text=len)


if __name__ == "__main__":
    # The same as `python -m pytest <this file> -qq -rp`: quiet, with one line
    # per passed test.
    here = Path(__file__).resolve().parent
    command = [
        sys.executable,
        "-m",
        "pytest",
        Path(__file__).name,
        "-qq",
        "-rp",
    ]
    sys.exit(
        subprocess.run(
            [*command, "-p", "no:cacheprovider"], cwd=here
        ).returncode
    )
