"""What the stand-in does before it reads a request as JSON: size, encoding, framing, time,
and methods other than POST, each answered with the API's JSON error body, never HTML."""

from __future__ import annotations

import json
import socket
import time
from typing import Any

import anthropic
import httpx2
import pytest

from standin import StandIn
from standin.body import MAX_BODY_BYTES, Limits
from tests.support.clients import sdk, tls
from tests.support.settings import HEADERS, MODEL

BODY = {
    "model": MODEL,
    "max_tokens": 16,
    "messages": [{"role": "user", "content": "Hi"}],
}


@pytest.fixture(scope="module")
def api() -> Any:
    with StandIn("text", limits=Limits(body_timeout=0.5)) as server:
        yield server


def _raw(
    api: StandIn, head: str, payload: bytes = b"", wait: float = 5.0
) -> tuple[int, dict[str, str], bytes]:
    """Send ``head`` (request line and headers, without the blank line) and ``payload`` over a
    bare socket; return the status, the headers and the body of the answer."""
    with socket.create_connection(("127.0.0.1", api.port), timeout=wait) as sock:
        sock.sendall(head.encode() + b"\r\n\r\n" + payload)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        head_bytes, _, rest = data.partition(b"\r\n\r\n")
        lines = head_bytes.decode().split("\r\n")
        headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
        length = int(headers.get("content-length", "0"))
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
    return int(lines[0].split()[1]), headers, rest


def _head(method: str, length: int | None, path: str = "/v1/messages", **extra: str) -> str:
    fields = {"host": "127.0.0.1", "content-type": "application/json", **HEADERS, **extra}
    if length is not None:
        fields["content-length"] = str(length)
    return f"{method} {path} HTTP/1.1\r\n" + "\r\n".join(f"{k}: {v}" for k, v in fields.items())


def _error(body: bytes) -> dict[str, Any]:
    payload = json.loads(body)
    assert payload["type"] == "error"
    assert payload["error"]["message"]
    assert payload["request_id"].startswith("req_")
    return payload["error"]


def test_a_body_over_32_mb_is_refused_with_413_before_it_is_read(api: StandIn) -> None:
    assert MAX_BODY_BYTES == 32 * 1024 * 1024
    status, headers, body = _raw(api, _head("POST", MAX_BODY_BYTES + 1))
    assert status == 413
    assert headers["content-type"] == "application/json"
    error = _error(body)
    assert error == {
        "type": "request_too_large",
        "message": "Request exceeds the maximum allowed number of bytes.",
    }
    assert api.requests[-1].status == 413


def test_the_sdk_sees_a_body_over_the_limit_as_content_too_large(api: StandIn) -> None:
    client = sdk(api.url)
    huge = "x" * (MAX_BODY_BYTES + 1)
    with pytest.raises(anthropic.ContentTooLargeError) as raised:
        client.messages.create(**{**BODY, "messages": [{"role": "user", "content": huge}]})
    assert raised.value.type == "request_too_large"


def test_a_body_just_under_the_limit_is_read() -> None:
    with StandIn("text", limits=Limits(max_body_bytes=1024)) as small:
        payload = json.dumps(BODY).encode()
        assert (
            httpx2.post(
                f"{small.url}/v1/messages", content=payload, headers=HEADERS, verify=tls()
            ).status_code
            == 200
        )
        padded = json.dumps({**BODY, "metadata": {"user_id": "u" * 1024}}).encode()
        response = httpx2.post(
            f"{small.url}/v1/messages", content=padded, headers=HEADERS, verify=tls()
        )
        assert response.status_code == 413


def test_invalid_utf8_is_a_400(api: StandIn) -> None:
    payload = json.dumps(BODY).encode().replace(b'"Hi"', b'"H\xff\xfei"')
    status, _, body = _raw(api, _head("POST", len(payload)), payload)
    assert status == 400
    error = _error(body)
    assert error["type"] == "invalid_request_error"
    assert error["message"].startswith("The request body is not valid JSON: invalid UTF-8")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"{not json", "The request body is not valid JSON: Expecting property name"),
        (b"", "The request body is not valid JSON: the body is empty"),
    ],
)
def test_a_body_that_is_not_json_is_a_400(api: StandIn, payload: bytes, message: str) -> None:
    response = httpx2.post(f"{api.url}/v1/messages", content=payload, headers=HEADERS, verify=tls())
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(message)


def test_a_chunked_request_body_is_a_400(api: StandIn) -> None:
    def pieces() -> Any:
        yield json.dumps(BODY).encode()

    response = httpx2.post(
        f"{api.url}/v1/messages", content=pieces(), headers=HEADERS, verify=tls()
    )
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "invalid_request_error"
    assert "chunked" in response.json()["error"]["message"]


def test_a_body_shorter_than_its_length_times_out_with_408_and_frees_the_thread(
    api: StandIn,
) -> None:
    payload = json.dumps(BODY).encode()
    started = time.monotonic()
    status, headers, body = _raw(api, _head("POST", len(payload) + 10), payload)
    took = time.monotonic() - started
    assert status == 408
    assert headers["connection"] == "close"
    assert _error(body)["type"] == "invalid_request_error"
    assert 0.4 <= took < 2.0
    # The server is still answering: the stalled request held nothing.
    assert (
        httpx2.post(f"{api.url}/v1/messages", json=BODY, headers=HEADERS, verify=tls()).status_code
        == 200
    )


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_other_methods_on_messages_are_405_json(api: StandIn, method: str) -> None:
    response = httpx2.request(method, f"{api.url}/v1/messages", headers=HEADERS, verify=tls())
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/json"
    assert response.headers["allow"] == "POST"
    assert response.json()["error"]["type"] == "invalid_request_error"
    assert api.requests[-1].method == method
    assert api.requests[-1].status == 405


def test_the_sdk_sees_a_405_as_an_api_status_error(api: StandIn) -> None:
    client = sdk(api.url)
    with pytest.raises(anthropic.APIStatusError) as raised:
        client.get("/v1/messages", cast_to=object)
    assert raised.value.status_code == 405
    assert raised.value.type == "invalid_request_error"


def test_other_paths_are_404_json_whatever_the_method(api: StandIn) -> None:
    for method in ("GET", "DELETE"):
        response = httpx2.request(method, f"{api.url}/v1/nothing", headers=HEADERS, verify=tls())
        assert response.status_code == 404
        assert response.json()["error"]["type"] == "not_found_error"


def test_an_unknown_method_is_answered_in_json_not_html(api: StandIn) -> None:
    status, headers, body = _raw(api, _head("BREW", 0))
    assert status == 501
    assert headers["content-type"] == "application/json"
    assert _error(body)["type"] == "invalid_request_error"


def test_head_gets_no_body(api: StandIn) -> None:
    response = httpx2.head(f"{api.url}/v1/messages", headers=HEADERS)
    assert response.status_code == 501
    assert response.content == b""


def test_every_answer_carries_rate_limit_headers_and_429_says_retry() -> None:
    """The rate-limit family on a stream and on an error; x-should-retry on a 429 only."""
    with StandIn("text") as standin, httpx2.Client(verify=tls(), base_url=standin.url) as client:
        ok = client.post("/v1/messages", headers=HEADERS, json={**BODY, "stream": True})
        standin.play("status_429")
        limited = client.post("/v1/messages", headers=HEADERS, json=BODY)
    for response in (ok, limited):
        for kind in ("requests", "tokens", "input-tokens", "output-tokens"):
            for part in ("limit", "remaining", "reset"):
                assert f"anthropic-ratelimit-{kind}-{part}" in response.headers
    assert int(ok.headers["anthropic-ratelimit-requests-remaining"]) > int(
        limited.headers["anthropic-ratelimit-requests-remaining"]
    )
    assert "x-should-retry" not in ok.headers
    assert limited.status_code == 429 and limited.headers["x-should-retry"] == "true"
