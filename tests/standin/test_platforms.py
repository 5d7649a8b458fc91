"""The stand-in's cloud doors (``standin/platforms.py``) answer as Bedrock, Vertex AI and Foundry do.

Each platform client of the installed SDK is pointed at the stand-in and must stream the same
reply as the first-party client; the raw requests and answers are checked for what each
platform sends and expects: Bedrock's path, SigV4 signature and AWS event-stream framing
(decoded here with botocore's own decoder), Vertex AI's path and Google access token obtained
from the metadata server (``standin/gce_metadata.py``), Foundry's prefix and key. Refusals come
in each platform's error shape.
"""

from __future__ import annotations

import base64
import http.client
import json
from collections.abc import Iterator

import anthropic
import httpx2
import pytest
from botocore.eventstream import EventStreamBuffer

from standin import StandIn, gce_metadata
from tests.support.clients import tls
from tests.support.cloud import FAKE_AWS_KEY_ID, point_cloud_clients
from tests.support.settings import MODEL

BEDROCK_MODEL = f"global.anthropic.{MODEL}"
HAIKU = "Rivers carry light\nstone by stone toward the sea\neach bend a new song"
REQUEST = {"max_tokens": 100, "messages": [{"role": "user", "content": "Write a haiku."}]}


@pytest.fixture
def cloud(monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    """A stand-in, and the environment each platform client reads pointed at it."""
    with StandIn("text") as api:
        point_cloud_clients(monkeypatch, api)
        yield api


def _stream_text(client: object, model: str) -> str:
    with client.messages.stream(model=model, **REQUEST) as stream:  # type: ignore[attr-defined]
        return "".join(stream.text_stream)


def test_each_platform_client_streams_the_same_reply(cloud: StandIn) -> None:
    clients = [
        (anthropic.AnthropicBedrock(max_retries=0), BEDROCK_MODEL),
        (anthropic.AnthropicVertex(max_retries=0), MODEL),
        (anthropic.AnthropicFoundry(max_retries=0), MODEL),
    ]
    for client, model in clients:
        assert _stream_text(client, model) == HAIKU, type(client).__name__
    posts = [r for r in cloud.requests if r.method == "POST"]
    assert [r.status for r in posts] == [200, 200, 200]
    assert not [m for r in posts for m in r.mismatches]


def test_bedrock_request_is_signed_and_names_the_model_in_its_path(cloud: StandIn) -> None:
    _stream_text(anthropic.AnthropicBedrock(max_retries=0), BEDROCK_MODEL)
    (sent,) = cloud.requests
    assert sent.path == f"/model/{BEDROCK_MODEL}/invoke-with-response-stream"
    assert "model" not in sent.body and "stream" not in sent.body
    assert sent.body["anthropic_version"] == anthropic._constants.ANTHROPIC_API_VERSION
    assert sent.headers["authorization"].startswith(
        f"AWS4-HMAC-SHA256 Credential={FAKE_AWS_KEY_ID}/"
    )
    assert "/us-east-1/bedrock/aws4_request" in sent.headers["authorization"]


def _bedrock_post(api: StandIn, model: str, body: dict, **headers: str) -> httpx2.Response:
    return httpx2.post(
        f"{api.url}/model/{model}/invoke-with-response-stream",
        json=body,
        headers={"authorization": "Bearer fake-bedrock-api-key", **headers},
        verify=tls(),
    )


def test_bedrock_streams_aws_event_stream_chunks(cloud: StandIn) -> None:
    body = {"anthropic_version": "bedrock-2023-05-31", **REQUEST}
    response = _bedrock_post(cloud, BEDROCK_MODEL, body)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.amazon.eventstream"
    assert "x-amzn-requestid" in response.headers and "request-id" not in response.headers
    frames = EventStreamBuffer()
    frames.add_data(response.content)
    events = []
    for frame in frames:
        assert frame.headers[":message-type"] == "event"
        assert frame.headers[":event-type"] == "chunk"
        payload = json.loads(frame.payload)
        assert payload["p"], "real chunks carry padding"
        events.append(json.loads(base64.b64decode(payload["bytes"])))
    assert events[0]["type"] == "message_start" and events[-1]["type"] == "message_stop"
    text = "".join(e["delta"].get("text", "") for e in events if e["type"] == "content_block_delta")
    assert text == HAIKU


@pytest.mark.parametrize(
    ("model", "body", "status", "kind", "message"),
    [
        (BEDROCK_MODEL, {"model": MODEL, **REQUEST}, 400, "ValidationException", "model"),
        ("anthropic.unknown", {**REQUEST}, 400, "ValidationException", "model identifier"),
        (BEDROCK_MODEL, {"anthropic_version": "nonsense", **REQUEST}, 400, "Validation", ""),
        (BEDROCK_MODEL, {"anthropic_version": "bedrock-2023-05-31"}, 400, "Validation", ""),
    ],
)
def test_bedrock_refuses_in_its_own_shape(
    cloud: StandIn, model: str, body: dict, status: int, kind: str, message: str
) -> None:
    response = _bedrock_post(cloud, model, body)
    assert response.status_code == status
    assert response.headers["x-amzn-errortype"].startswith(kind)
    assert set(response.json()) == {"message"}
    assert message in response.json()["message"]


def test_bedrock_without_credentials_is_refused(cloud: StandIn) -> None:
    response = httpx2.post(
        f"{cloud.url}/model/{BEDROCK_MODEL}/invoke-with-response-stream",
        json=REQUEST,
        verify=tls(),
    )
    assert response.status_code == 403
    assert response.headers["x-amzn-errortype"] == "MissingAuthenticationTokenException"


def test_bedrock_errors_before_and_during_the_stream(cloud: StandIn) -> None:
    client = anthropic.AnthropicBedrock(max_retries=0)
    cloud.play("status_429")
    with pytest.raises(anthropic.RateLimitError) as limited:
        _stream_text(client, BEDROCK_MODEL)
    assert limited.value.body == {"message": "Too many tokens, please wait before trying again."}
    cloud.play("overloaded_mid_stream")
    with pytest.raises(anthropic.APIStatusError) as broken:
        _stream_text(client, BEDROCK_MODEL)
    assert broken.value.status_code == 200
    assert broken.value.body["error"]["type"] == "serviceUnavailableException"


def test_vertex_gets_a_token_from_the_metadata_server_and_sends_it(cloud: StandIn) -> None:
    _stream_text(anthropic.AnthropicVertex(max_retries=0), MODEL)
    gets = [r for r in cloud.requests if r.method == "GET"]
    assert gets and all(r.headers.get("metadata-flavor") == "Google" for r in gets)
    assert any(r.path.split("?")[0].endswith("/token") for r in gets)
    (post,) = [r for r in cloud.requests if r.method == "POST"]
    assert post.path == (
        "/v1/projects/example-project/locations/global/publishers/anthropic/"
        f"models/{MODEL}:streamRawPredict"
    )
    assert post.headers["authorization"] == f"Bearer {gce_metadata.ACCESS_TOKEN}"
    assert post.body["stream"] is True and "model" not in post.body


def test_vertex_refuses_a_request_with_no_token_and_limits_in_googles_shape(
    cloud: StandIn,
) -> None:
    path = f"/v1/projects/p/locations/global/publishers/anthropic/models/{MODEL}:streamRawPredict"
    body = {"anthropic_version": "vertex-2023-10-16", "stream": True, **REQUEST}
    refused = httpx2.post(f"{cloud.url}{path}", json=body, verify=tls())
    assert refused.status_code == 401
    assert refused.json()["error"]["status"] == "UNAUTHENTICATED"
    cloud.play("status_429")
    limited = httpx2.post(
        f"{cloud.url}{path}", json=body, headers={"authorization": "Bearer t"}, verify=tls()
    )
    assert limited.status_code == 429
    assert limited.json()["error"]["status"] == "RESOURCE_EXHAUSTED"


def test_the_metadata_server_wants_its_header(cloud: StandIn) -> None:
    response = httpx2.get(f"{cloud.url}/computeMetadata/v1/project/project-id", verify=tls())
    assert response.status_code == 403
    assert response.headers["metadata-flavor"] == "Google"


def test_foundry_takes_its_own_key_and_refuses_none(cloud: StandIn) -> None:
    _stream_text(anthropic.AnthropicFoundry(max_retries=0), MODEL)
    (sent,) = cloud.requests
    assert sent.path == "/anthropic/v1/messages"
    assert sent.headers["x-api-key"] == sent.headers["api-key"] == "fake-foundry-key"
    refused = httpx2.post(
        f"{cloud.url}/anthropic/v1/messages",
        json={"model": MODEL, **REQUEST},
        headers={"anthropic-version": "2026-10-21"},
        verify=tls(),
    )
    assert refused.status_code == 401
    assert refused.json()["error"]["type"] == "authentication_error"


def test_a_later_request_on_the_same_connection_is_answered_as_the_api(cloud: StandIn) -> None:
    body = {"anthropic_version": "bedrock-2023-05-31", **REQUEST}
    with httpx2.Client(verify=tls(), base_url=cloud.url) as client:
        first = client.post(
            f"/model/{BEDROCK_MODEL}/invoke-with-response-stream",
            json=body,
            headers={"authorization": "Bearer fake-bedrock-api-key"},
        )
        assert first.status_code == 200
        later = client.get("/v1/messages")
    assert later.status_code == 405
    assert later.json()["error"]["type"] == "invalid_request_error"
    assert "request-id" in later.headers


def test_the_door_of_one_request_does_not_carry_over_to_the_next_on_its_connection(
    cloud: StandIn,
) -> None:
    """A Bedrock request, then a plain one on the same kept-alive connection: the second is
    answered as the API answers, with its own request id header and error shape."""
    connection = http.client.HTTPConnection("127.0.0.1", cloud.port, timeout=10)
    body = json.dumps({"anthropic_version": "bedrock-2023-05-31", **REQUEST})
    headers = {"authorization": "Bearer fake-bedrock-api-key", "content-type": "application/json"}
    connection.request("POST", f"/model/{BEDROCK_MODEL}/invoke", body, headers)
    first = connection.getresponse()
    first.read()
    assert first.status == 200 and first.getheader("x-amzn-requestid")
    connection.request("POST", "/v1/messages", json.dumps({"model": MODEL, **REQUEST}))
    second = connection.getresponse()
    refusal = json.loads(second.read())
    connection.close()
    assert len(cloud.requests) == 2
    assert second.getheader("request-id") and not second.getheader("x-amzn-requestid")
    assert refusal["type"] == "error" and refusal["request_id"] == second.getheader("request-id")
