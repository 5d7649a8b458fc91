"""The stand-in's faults, proven on the wire: each named fault scenario does what its name says.

These tests talk HTTP themselves (``httpx2``, or a raw socket where the framing is the point),
so a fault the pages rely on cannot silently turn into a normal stream.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import replace
from typing import Any

import httpx2
import pytest

from standin import StandIn
from standin.replies import Cut, MessageReply, Pause
from standin.scenarios import Scenario, broken_streams, contents
from tests.support.clients import tls
from tests.support.settings import HEADERS, MODEL

HAIKU_TEXT = contents.HAIKU.blocks[0].text
JSON_HEADERS = {**HEADERS, "content-type": "application/json"}


def _body(max_tokens: int = 1024, stream: bool = True, **extra: Any) -> dict[str, Any]:
    return {
        "model": extra.pop("model", MODEL),
        "max_tokens": max_tokens,
        "stream": stream,
        "messages": [{"role": "user", "content": "Write a haiku about rivers."}],
        **extra,
    }


def _parse_sse(raw: bytes) -> list[tuple[str, dict[str, Any]]]:
    """Split an SSE body into (event, data) pairs, whatever its line endings; an event that
    was cut off (no blank line after it) is left out."""
    text = raw.decode(errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    found = []
    for block in text.split("\n\n")[:-1]:
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in fields and "data" in fields:
            found.append((fields["event"], json.loads(fields["data"])))
    return found


def _text_of(events: list[tuple[str, dict[str, Any]]]) -> str:
    return "".join(
        d["delta"].get("text", "") for name, d in events if name == "content_block_delta"
    )


def _stream(api: StandIn, body: dict[str, Any] | None = None, read: float = 5.0) -> Any:
    client = httpx2.Client(timeout=httpx2.Timeout(5.0, read=read), verify=tls())
    return client, client.stream(
        "POST", f"{api.url}/v1/messages", json=body or _body(), headers=JSON_HEADERS
    )


def _read_all(api: StandIn, body: dict[str, Any] | None = None) -> tuple[int, bytes]:
    client, request = _stream(api, body)
    with client, request as response:
        return response.status_code, response.read()


def _raw_chunks(api: StandIn, body: dict[str, Any]) -> tuple[bytes, list[bytes]]:
    """POST over a bare socket; return the response head and its HTTP chunks, one by one."""
    payload = json.dumps(body).encode()
    head = (
        f"POST /v1/messages HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: {len(payload)}\r\n"
        + "".join(f"{k}: {v}\r\n" for k, v in JSON_HEADERS.items())
        + "\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", api.port), timeout=5) as sock:
        sock.sendall(head + payload)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
            if data.endswith(b"\r\n0\r\n\r\n"):
                break
    response_head, _, rest = data.partition(b"\r\n\r\n")
    chunks = []
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            break
        chunks.append(rest[:size])
        rest = rest[size + 2 :]
    return response_head, chunks


# -- HTTP errors before the stream --------------------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "statuses", "headers"),
    [
        ("rate_limited_then_ok", [429, 200], {"retry-after": "0"}),
        ("rate_limited_wait_then_ok", [429, 200], {"retry-after-ms": "250", "retry-after": "2"}),
        ("rate_limited_wait_seconds_then_ok", [429, 200], {"retry-after": "1"}),
        ("overloaded_then_ok", [529, 200], {}),
        ("server_error_then_ok", [500, 200], {}),
        ("status_529", [529, 529, 529], {}),
        ("status_500", [500, 500, 500], {}),
        ("status_429", [429, 429, 429], {"retry-after": "0"}),
    ],
)
def test_http_errors_come_before_any_event_then_as_scripted(
    scenario: str, statuses: list[int], headers: dict[str, str]
) -> None:
    with StandIn(scenario) as api, httpx2.Client(timeout=5, verify=tls()) as client:
        seen = []
        for _ in statuses:
            response = client.post(f"{api.url}/v1/messages", json=_body(), headers=JSON_HEADERS)
            seen.append(response.status_code)
            if response.status_code != 200:
                error = response.json()
                assert error["type"] == "error"
                assert error["request_id"] == response.headers["request-id"]
                assert response.headers["content-type"] == "application/json"
                for name, value in headers.items():
                    assert response.headers[name] == value
            else:
                assert _text_of(_parse_sse(response.content)) == HAIKU_TEXT
    assert seen == statuses


# -- streams that break after the 200 -----------------------------------------------------


def test_error_event_after_some_text_then_a_properly_ended_body() -> None:
    with StandIn("overloaded_mid_stream") as api:
        status, raw = _read_all(api)
    events = _parse_sse(raw)
    assert status == 200
    assert events[-1] == (
        "error",
        {
            "type": "error",
            "error": {"type": "overloaded_error", "message": "Overloaded", "details": None},
        },
    )
    assert _text_of(events) == "Rivers carry light"
    assert "message_stop" not in [name for name, _ in events]


def test_dropped_connection_ends_mid_event_without_the_last_chunk() -> None:
    with StandIn("dropped_mid_stream") as api:
        client, request = _stream(api)
        got = b""
        with client, request as response, pytest.raises(httpx2.RemoteProtocolError):
            for chunk in response.iter_raw():
                got += chunk
    assert not got.endswith(b"\n\n"), "the body should stop in the middle of an event"
    assert _text_of(_parse_sse(got)) == "Rivers carry light"


@pytest.mark.parametrize("partial_bytes", [0, 1, 9, 30])
def test_drop_falls_at_the_byte_asked_for(partial_bytes: int) -> None:
    cut = Cut(contents.AFTER_SOME_TEXT, "drop", partial_bytes=partial_bytes)
    scenario = Scenario("cut at a byte", (replace(contents.HAIKU, cut=cut),))
    with StandIn(scenario) as api:
        client, request = _stream(api)
        got = b""
        with client, request as response, pytest.raises(httpx2.RemoteProtocolError):
            for chunk in response.iter_raw():
                got += chunk
    complete, _, tail = got.rpartition(b"\n\n")
    assert len(tail) == partial_bytes
    assert b"event: content_block_delta\ndata: "[:partial_bytes] == tail
    assert _text_of(_parse_sse(complete + b"\n\n")) == "Rivers carry light"


def test_clean_early_end_has_no_message_delta_or_stop_and_no_error() -> None:
    with StandIn("ended_early") as api:
        status, raw = _read_all(api)
    names = [name for name, _ in _parse_sse(raw)]
    assert status == 200
    assert raw.endswith(b"\n\n")
    assert "message_delta" not in names and "message_stop" not in names
    assert "error" not in names


def test_stall_outlasts_a_short_read_timeout_and_ends_when_the_client_leaves() -> None:
    with StandIn("stalled") as api:
        client, request = _stream(api, read=0.3)
        started = time.monotonic()
        with client, request as response, pytest.raises(httpx2.ReadTimeout):
            for _ in response.iter_raw():
                pass
        gone = api.wait_for_disconnect(2.0)
        assert gone is not None, "the stand-in kept stalling after the client left"
        assert gone.events_sent == contents.AFTER_SOME_TEXT
        assert time.monotonic() - started < 3.0
        assert not api.completed


def test_stall_ends_when_the_stand_in_stops() -> None:
    api = StandIn("stalled").start()
    errors: list[BaseException] = []

    def read() -> None:
        client, request = _stream(api, read=20.0)
        try:
            with client, request as response:
                response.read()
        except httpx2.HTTPError as exc:
            errors.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(0.3)
    started = time.monotonic()
    api.stop()
    reader.join(5.0)
    assert not reader.is_alive(), "a stalled stream outlived the stand-in"
    assert time.monotonic() - started < 3.0
    assert errors and isinstance(errors[0], httpx2.TransportError)


def test_pause_is_filled_with_pings_that_reset_a_read_timeout() -> None:
    pause = Pause(contents.AFTER_SOME_TEXT, 1.2, ping_every=0.2)
    scenario = Scenario("short ping-filled pause", (replace(contents.HAIKU, pauses=(pause,)),))
    with StandIn(scenario) as api:
        client, request = _stream(api, read=0.5)
        started = time.monotonic()
        with client, request as response:
            events = _parse_sse(response.read())
        assert time.monotonic() - started >= 1.2
    names = [name for name, _ in events]
    during = names[names.index("content_block_delta") + 3 :]
    assert during[:5] == ["ping"] * 5, "the pause should be pings only"
    assert _text_of(events) == HAIKU_TEXT


def test_named_ping_pause_sends_only_pings_for_long_and_stops_when_the_client_leaves() -> None:
    with StandIn("pings_during_pause") as api:
        client, request = _stream(api, read=0.5)
        names: list[str] = []
        buffer = b""
        with client, request as response:
            for chunk in response.iter_raw():
                buffer += chunk
                names = [name for name, _ in _parse_sse(buffer)]
                if names.count("ping") >= 6:
                    break
        assert _text_of(_parse_sse(buffer)) == "Rivers carry light"
        assert names[-5:] == ["ping"] * 5
        assert api.wait_for_disconnect(2.0) is not None
        assert not api.completed


def test_unknown_event_type_is_sent_mid_stream() -> None:
    with StandIn("unknown_event") as api:
        _, raw = _read_all(api)
    events = _parse_sse(raw)
    assert ("future_event", server_unknown_event()) in events
    assert _text_of(events) == HAIKU_TEXT


def server_unknown_event() -> dict[str, Any]:
    from standin.streaming import UNKNOWN_EVENT

    return UNKNOWN_EVENT[1]


def test_crlf_framing_in_one_byte_chunks() -> None:
    with StandIn("framed_crlf_one_byte") as api:
        head, chunks = _raw_chunks(api, _body())
    assert b"transfer-encoding: chunked" in head.lower()
    assert chunks and all(len(c) == 1 for c in chunks)
    body = b"".join(chunks)
    assert b"\r\n\r\n" in body and b"\n\n" not in body.replace(b"\r\n", b"")
    assert _text_of(_parse_sse(body)) == HAIKU_TEXT


def test_delta_before_start_breaks_the_documented_order() -> None:
    with StandIn("delta_before_start") as api:
        _, raw = _read_all(api)
    names = [name for name, _ in _parse_sse(raw) if name != "ping"]
    assert names[:3] == ["message_start", "content_block_delta", "content_block_start"]


@pytest.mark.parametrize(("scenario", "max_tokens"), [("text", 3), ("tool_use", 10)])
def test_max_tokens_cuts_mid_text_and_mid_tool_input(scenario: str, max_tokens: int) -> None:
    with StandIn(scenario) as api:
        _, raw = _read_all(api, _body(max_tokens=max_tokens))
    events = _parse_sse(raw)
    (delta,) = [d for name, d in events if name == "message_delta"]
    assert delta["delta"]["stop_reason"] == "max_tokens"
    assert delta["usage"]["output_tokens"] == max_tokens
    assert events[-1][0] == "message_stop"
    if scenario == "text":
        assert _text_of(events) == "Rivers carry light"
    else:
        partial = "".join(
            d["delta"].get("partial_json", "")
            for name, d in events
            if name == "content_block_delta"
        )
        assert partial == '{"city": "Par'
        with pytest.raises(json.JSONDecodeError):
            json.loads(partial)


def test_slow_scenarios_pace_their_events() -> None:
    with StandIn("slow_text") as api:
        started = time.monotonic()
        _, raw = _read_all(api)
        took = time.monotonic() - started
    events = [name for name, _ in _parse_sse(raw) if name != "ping"]
    assert took >= 0.1 * (len(events) - 1) * 0.9


# -- continuing an interrupted reply ------------------------------------------------------


CONTINUING = Scenario(
    "the continuation half of dropped_then_continued",
    broken_streams.SCENARIOS["dropped_then_continued"].replies[1:],
)


def test_named_continuation_scenario_is_cut_first() -> None:
    with StandIn("dropped_then_continued") as api:
        client, request = _stream(api)
        with client, request as response, pytest.raises(httpx2.RemoteProtocolError):
            response.read()


def _continue_body(partial: str, ask: str) -> dict[str, Any]:
    return _body(
        messages=[
            {"role": "user", "content": "Write a haiku about rivers."},
            {"role": "assistant", "content": partial},
            {"role": "user", "content": ask},
        ]
    )


def test_continuation_repeats_a_little_and_then_goes_on() -> None:
    partial = "Rivers carry light\nstone by"
    ask = f'Your reply was interrupted. It ended with: "{partial[-20:]}". Continue from there.'
    with StandIn(CONTINUING) as api:
        _, raw = _read_all(api, _continue_body(partial, ask))
    assert _text_of(_parse_sse(raw)) == "stone by stone toward the sea\neach bend a new song"


def test_continuation_without_a_quote_starts_over() -> None:
    with StandIn(CONTINUING) as api:
        _, raw = _read_all(api, _continue_body("Rivers carry light", "Please go on."))
    assert _text_of(_parse_sse(raw)) == HAIKU_TEXT


PREFILL = [
    {"role": "user", "content": "Write a haiku about rivers."},
    {"role": "assistant", "content": "Rivers carry light\nstone by stone"},
]


def test_continuation_of_a_prefill_continues_exactly_after_it_on_a_4_5_model() -> None:
    body = _body(messages=PREFILL, model="claude-haiku-4-5")
    with StandIn(Scenario("continue", (broken_streams.continuation_of(contents.HAIKU),))) as api:
        _, raw = _read_all(api, body)
    assert _text_of(_parse_sse(raw)) == " toward the sea\neach bend a new song"


def test_a_prefill_is_refused_by_a_model_that_takes_only_the_user_turn_form() -> None:
    with StandIn(Scenario("continue", (broken_streams.continuation_of(contents.HAIKU),))) as api:
        status, raw = _read_all(api, _body(messages=PREFILL))
    assert status == 400
    assert json.loads(raw)["error"]["message"].startswith(
        "This model does not support assistant message prefill."
    )


def test_the_continuation_ignores_a_prefill_on_a_model_that_refuses_one() -> None:
    """Past validation, a model that refuses a prefill does not read one as a continuation."""
    reply = broken_streams.continuation_of(contents.HAIKU).compute(
        {"model": MODEL, "messages": PREFILL, "max_tokens": 64}
    )
    assert isinstance(reply, MessageReply)
    assert reply.blocks[0].text == HAIKU_TEXT
