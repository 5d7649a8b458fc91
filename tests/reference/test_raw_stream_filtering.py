"""What ``create(stream=True)`` leaves out of the wire, as getting-started and the SDK helpers
page say: pings and events without an ``event:`` line are dropped, an ``error`` event is raised.

The stand-in always names its events, so a stream of its own is served here through the SDK's
transport (``httpx2.MockTransport``), read with the installed SDK, and compared with the pages.
"""

from __future__ import annotations

import json
from typing import Any

import anthropic
import httpx2
import pytest

from tests.reference import markdown
from tests.support.settings import FAKE_KEY, MODEL

START = {
    "type": "message_start",
    "message": {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": MODEL,
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 5, "output_tokens": 1},
    },
}
BLOCK = {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}
DELTA = {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi"}}
UNNAMED = {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "!"}}
ERROR = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}


def _sse(*events: tuple[str | None, dict[str, Any]]) -> bytes:
    out = ""
    for name, data in events:
        out += (f"event: {name}\n" if name else "") + f"data: {json.dumps(data)}\n\n"
    return out.encode()


def _client(body: bytes) -> anthropic.Anthropic:
    def answer(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=body)

    transport = httpx2.MockTransport(answer)
    return anthropic.Anthropic(
        api_key=FAKE_KEY, max_retries=0, http_client=httpx2.Client(transport=transport)
    )


def _types(client: anthropic.Anthropic) -> list[str]:
    with client.messages.create(
        model=MODEL, max_tokens=64, messages=[{"role": "user", "content": "Hi"}], stream=True
    ) as stream:
        return [event.type for event in stream]


def test_pings_and_unnamed_events_are_dropped_and_unknown_types_kept() -> None:
    body = _sse(
        ("message_start", START),
        ("ping", {"type": "ping"}),
        ("content_block_start", BLOCK),
        (None, UNNAMED),
        ("future_event", {"type": "future_event"}),
        ("content_block_delta", DELTA),
    )
    assert _types(_client(body)) == [
        "message_start",
        "content_block_start",
        "future_event",
        "content_block_delta",
    ]


def test_an_error_event_is_raised_not_yielded() -> None:
    body = _sse(("message_start", START), ("error", ERROR), ("content_block_start", BLOCK))
    with pytest.raises(anthropic.APIStatusError) as raised:
        _types(_client(body))
    assert raised.value.status_code == 200 and raised.value.type == "overloaded_error"


@pytest.mark.parametrize("page", ["getting-started.md", "reference/sdk-helpers.md"])
def test_the_pages_say_so(page: str) -> None:
    text = " ".join(markdown.page(page).split())
    assert "drops `ping` events" in text
    assert "`event:` line" in text
    assert "`anthropic.APIStatusError` (with `status_code` 200" in text
