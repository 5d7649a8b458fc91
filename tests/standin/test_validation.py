"""The stand-in refuses what the real Messages API refuses, with the real status and error body."""

from __future__ import annotations

import inspect
import json
from typing import Any

import anthropic
import httpx2
import pytest

from standin import StandIn
from standin.validation import BODY_FIELDS, CURRENT_VERSION
from tests.support.clients import tls
from tests.support.settings import FAKE_KEY, MODEL

GOOD_HEADERS = {"x-api-key": FAKE_KEY, "anthropic-version": CURRENT_VERSION}
GOOD_BODY: dict[str, Any] = {
    "model": MODEL,
    "max_tokens": 64,
    "messages": [{"role": "user", "content": "Hi"}],
}


@pytest.fixture(scope="module")
def api() -> Any:
    with StandIn("text") as server:
        yield server


def _post(api: StandIn, body: Any, headers: dict[str, str] | None = None) -> httpx2.Response:
    return httpx2.post(
        f"{api.url}/v1/messages", json=body, headers=headers or GOOD_HEADERS, verify=tls()
    )


def _without(key: str) -> dict[str, Any]:
    return {k: v for k, v in GOOD_BODY.items() if k != key}


BAD_REQUESTS = [
    ("no key", GOOD_BODY, {"anthropic-version": CURRENT_VERSION}, 401, "authentication_error"),
    ("empty key", GOOD_BODY, {**GOOD_HEADERS, "x-api-key": ""}, 401, "authentication_error"),
    (
        "basic auth",
        GOOD_BODY,
        {"authorization": "Basic Zm9v", "anthropic-version": CURRENT_VERSION},
        401,
        "authentication_error",
    ),
    ("no version", GOOD_BODY, {"x-api-key": FAKE_KEY}, 400, "invalid_request_error"),
    (
        "unknown version",
        GOOD_BODY,
        {**GOOD_HEADERS, "anthropic-version": "2099-01-01"},
        400,
        "invalid_request_error",
    ),
    ("no model", _without("model"), None, 400, "invalid_request_error"),
    ("model not a string", {**GOOD_BODY, "model": 5}, None, 400, "invalid_request_error"),
    ("unknown model", {**GOOD_BODY, "model": "claude-nonexistent-9"}, None, 404, "not_found_error"),
    ("no max_tokens", _without("max_tokens"), None, 400, "invalid_request_error"),
    ("max_tokens a string", {**GOOD_BODY, "max_tokens": "64"}, None, 400, "invalid_request_error"),
    ("max_tokens zero", {**GOOD_BODY, "max_tokens": 0}, None, 400, "invalid_request_error"),
    ("no messages", _without("messages"), None, 400, "invalid_request_error"),
    ("empty messages", {**GOOD_BODY, "messages": []}, None, 400, "invalid_request_error"),
    (
        "bad role",
        {**GOOD_BODY, "messages": [{"role": "system", "content": "x"}]},
        None,
        400,
        "invalid_request_error",
    ),
    (
        "first turn assistant",
        {**GOOD_BODY, "messages": [{"role": "assistant", "content": "x"}]},
        None,
        400,
        "invalid_request_error",
    ),
    ("temperature", {**GOOD_BODY, "temperature": 0.5}, None, 400, "invalid_request_error"),
    ("top_p", {**GOOD_BODY, "top_p": 0.9}, None, 400, "invalid_request_error"),
    ("top_k", {**GOOD_BODY, "top_k": 5}, None, 400, "invalid_request_error"),
    ("unknown field", {**GOOD_BODY, "frobnicate": True}, None, 400, "invalid_request_error"),
    ("stream not bool", {**GOOD_BODY, "stream": "yes"}, None, 400, "invalid_request_error"),
    (
        "forced tool use",
        {**GOOD_BODY, "tool_choice": {"type": "any"}},
        None,
        400,
        "invalid_request_error",
    ),
]


@pytest.mark.parametrize(
    ("body", "headers", "status", "error_type"),
    [r[1:] for r in BAD_REQUESTS],
    ids=[r[0] for r in BAD_REQUESTS],
)
def test_refused_like_the_real_api(
    api: StandIn, body: Any, headers: dict[str, str] | None, status: int, error_type: str
) -> None:
    response = _post(api, body, headers)
    assert response.status_code == status
    payload = response.json()
    assert payload["type"] == "error"
    assert payload["error"]["type"] == error_type
    assert payload["error"]["message"]
    assert payload["request_id"] == response.headers["request-id"]


def test_temperature_is_accepted_under_the_old_version(api: StandIn) -> None:
    old = {**GOOD_HEADERS, "anthropic-version": "2023-06-01"}
    assert _post(api, {**GOOD_BODY, "temperature": 0.5}, old).status_code == 200


def test_bearer_auth_and_x_api_key_both_work(api: StandIn) -> None:
    bearer = {"authorization": f"Bearer {FAKE_KEY}", "anthropic-version": CURRENT_VERSION}
    assert _post(api, GOOD_BODY, bearer).status_code == 200
    assert _post(api, GOOD_BODY).status_code == 200


def test_a_stream_is_chunked_sse_with_a_request_id(api: StandIn) -> None:
    with httpx2.stream(
        "POST", f"{api.url}/v1/messages", json={**GOOD_BODY, "stream": True}, headers=GOOD_HEADERS
    ) as response:
        body = response.read().decode()
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["transfer-encoding"] == "chunked"
    assert response.headers["request-id"].startswith("req_")
    blocks = [b for b in body.split("\n\n") if b]
    assert all(b.startswith("event: ") and "\ndata: {" in b for b in blocks)
    event, data = blocks[-1].split("\n")
    assert event == "event: message_stop"
    assert json.loads(data.removeprefix("data: ")) == {"type": "message_stop"}


def test_unknown_path_is_404(api: StandIn) -> None:
    response = httpx2.post(f"{api.url}/v1/complete", json=GOOD_BODY, headers=GOOD_HEADERS)
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "not_found_error"


def test_accepted_body_fields_are_the_sdks_create_parameters() -> None:
    """If the SDK gains or drops a request field, the stand-in must be updated to match."""
    params = inspect.signature(anthropic.resources.Messages.create).parameters
    sdk_fields = {n for n in params if n != "self" and not n.startswith("extra_")} - {
        "timeout",
        "user_profile_id",
        "workspace_id",  # sent as headers or client settings
    }
    assert sdk_fields == BODY_FIELDS


def test_the_sdk_sees_the_refusal_as_the_matching_exception(api: StandIn) -> None:
    client = anthropic.Anthropic(base_url=api.url, api_key=FAKE_KEY, max_retries=0)
    with pytest.raises(anthropic.NotFoundError) as raised:
        client.messages.create(**{**GOOD_BODY, "model": "claude-nonexistent-9"})
    assert raised.value.type == "not_found_error"


def test_a_body_that_is_not_json_is_400(api: StandIn) -> None:
    response = httpx2.post(f"{api.url}/v1/messages", content=b"{not json", headers=GOOD_HEADERS)
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "invalid_request_error"
