"""The cloud platforms' doors to the Messages API: Bedrock, Vertex AI and Foundry.

The SDK's platform clients send the same Messages request to other paths, with other auth and,
on Bedrock, another framing. This module recognises those requests, checks what the platform
checks before Claude sees the request (its auth, the model in its path, its version field), and
turns each into the Messages API body the rest of the stand-in validates and answers:

- **Bedrock** (``AnthropicBedrock``): ``POST /model/{model id}/invoke-with-response-stream``
  (``/invoke`` without streaming); the model is in the path, ``anthropic_version`` in the
  body, no ``stream`` field; signed with AWS SigV4 (service ``bedrock``) or a Bedrock API key
  as ``Authorization: Bearer``; the stream is AWS event-stream (``eventstream.py``); errors
  are Bedrock's (``{"message": ...}`` and an ``x-amzn-ErrorType`` header).
- **Vertex AI** (``AnthropicVertex``): ``POST /projects/{p}/locations/{r}/publishers/anthropic/
  models/{model}:streamRawPredict`` (``:rawPredict``); the model in the path,
  ``anthropic_version`` and ``stream`` in the body; a Google OAuth access token as
  ``Authorization: Bearer``; SSE as from the Messages API; quota errors in Google's shape.
- **Foundry** (``AnthropicFoundry``): ``POST /anthropic/v1/messages``, the Messages API itself
  under a prefix, with the Foundry key in ``x-api-key`` (and ``api-key``).

Sources: the installed SDK (``anthropic/lib/bedrock``, ``lib/vertex``, ``lib/foundry.py``) for
what is sent; the platforms' documentation for what is checked and answered (the Versions and
error shapes noted below). What could not be checked against a real platform is listed on the
"Bedrock, Vertex AI and Foundry" page.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Literal

from .rules.errors import ApiError
from .rules.headers import ACCEPTED_VERSIONS

Platform = Literal["bedrock", "vertex", "foundry"]

BEDROCK_PATH = re.compile(r"^/model/(?P<model>[^/]+)/(?P<op>invoke|invoke-with-response-stream)$")
VERTEX_PATH = re.compile(
    r"^/v1/projects/(?P<project>[^/]+)/locations/(?P<region>[^/]+)/publishers/anthropic/"
    r"models/(?P<model>[^/:]+):(?P<op>rawPredict|streamRawPredict)$"
)
FOUNDRY_PATH = "/anthropic/v1/messages"

# The body versions each platform documents, beside the API's own (which the SDK 2.x sends:
# anthropic/lib/bedrock/_client.py and lib/vertex/_client.py set ANTHROPIC_API_VERSION).
BEDROCK_VERSION = "bedrock-2023-05-31"  # AWS: "Inference using Anthropic Messages API"
VERTEX_VERSION = "vertex-2023-10-16"  # Anthropic: "Claude on Vertex AI"
# Bedrock model ids: an optional inference-profile prefix, "anthropic.", the model, and on older
# models a "-v1:0" version suffix ("global.anthropic.claude-sonnet-5-5").
BEDROCK_MODEL = re.compile(
    r"^(?:(?:global|us|us-gov|eu|apac|jp|au|ca)\.)?anthropic\.(?P<model>claude-[a-z0-9-]+?)"
    r"(?:-v\d+(?::\d+)?)?$"
)
SIGV4 = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/"
    r"(?P<service>[^/]+)/aws4_request, SignedHeaders=(?P<signed>[^,]+), Signature=[0-9a-f]{64}$"
)

# Bedrock's exceptions for the API's HTTP errors: (status, x-amzn-ErrorType, message or None to
# keep the API's). Names and statuses: the Bedrock Runtime API reference, InvokeModel errors.
# The throttling message and the x-amzn-ErrorType value are as recorded in a 429 from Bedrock
# (github.com/aws-samples/amazon-bedrock-client-for-mac/issues/99).
BEDROCK_ERRORS: dict[int, tuple[int, str, str | None]] = {
    400: (400, "ValidationException", None),
    401: (403, "AccessDeniedException", None),
    403: (403, "AccessDeniedException", None),
    404: (404, "ResourceNotFoundException", None),
    408: (408, "ModelTimeoutException", None),
    413: (400, "ValidationException", None),
    429: (429, "ThrottlingException", "Too many tokens, please wait before trying again."),
    500: (500, "InternalServerException", None),
    529: (503, "ServiceUnavailableException", "Bedrock is unable to process your request."),
}
# The same inside a stream: the event-stream member names of Bedrock's ResponseStream union.
BEDROCK_STREAM_ERRORS = {
    "overloaded_error": "serviceUnavailableException",
    "rate_limit_error": "throttlingException",
    "api_error": "internalServerException",
    "invalid_request_error": "validationException",
}


@dataclass(frozen=True)
class PlatformError(Exception):
    """A refusal in the platform's own shape, before the request reaches the Messages API."""

    status: int
    body: dict[str, Any]
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class Routed:
    """A platform request turned into the Messages API request it stands for."""

    platform: Platform
    body: dict[str, Any]
    version: str  # the API version the Messages API checks apply under
    stream: bool
    details: dict[str, str] = field(default_factory=dict)


def platform_of(path: str) -> Platform | None:
    path = path.split("?")[0]
    if BEDROCK_PATH.match(path):
        return "bedrock"
    if VERTEX_PATH.match(path):
        return "vertex"
    if path.rstrip("/") == FOUNDRY_PATH:
        return "foundry"
    return None


def bedrock_error(status: int, message: str) -> PlatformError:
    code, name, text = BEDROCK_ERRORS.get(status, (status, "InternalServerException", None))
    kind = f"{name}:http://internal.amazon.com/coral/com.amazon.bedrock/"
    return PlatformError(code, {"message": text or message}, (("x-amzn-errortype", kind),))


def vertex_error(status: int, message: str, status_name: str) -> PlatformError:
    return PlatformError(
        status, {"error": {"code": status, "message": message, "status": status_name}}
    )


def as_platform_error(platform: Platform, error: ApiError, path: str) -> PlatformError | None:
    """An error of the Messages API as the platform answers it; None where it passes as is.

    Vertex AI answers a rate limit with its own quota error, worded as recorded in
    github.com/anthropics/anthropic-sdk-python/issues/963 and github.com/cline/cline/issues/651.
    """
    if platform == "bedrock":
        return bedrock_error(error.status, error.message)
    if platform == "vertex" and error.status == 429:
        match = VERTEX_PATH.match(path.split("?")[0])
        model = match["model"] if match else "claude"
        return vertex_error(
            429,
            "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model"
            f" with base model: anthropic-{model}. Please submit a quota increase request. "
            "https://cloud.google.com/vertex-ai/docs/generative-ai/quotas-genai.",
            "RESOURCE_EXHAUSTED",
        )
    return None


def _bedrock_auth(headers: dict[str, str]) -> None:
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        if not auth[7:].strip():
            raise bedrock_error(403, "Authentication failed: the API key is empty.")
        return
    if not auth:
        raise PlatformError(
            403,
            {"message": "Missing Authentication Token"},
            (("x-amzn-errortype", "MissingAuthenticationTokenException"),),
        )
    signed = SIGV4.match(auth)
    if signed is None or "x-amz-date" not in headers:
        raise PlatformError(
            403,
            {
                "message": "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders'"
            },
            (("x-amzn-errortype", "IncompleteSignatureException"),),
        )
    if signed["service"] != "bedrock":
        raise PlatformError(
            403,
            {"message": "Credential should be scoped to correct service: 'bedrock'. "},
            (("x-amzn-errortype", "InvalidSignatureException"),),
        )


def _bedrock(path: str, headers: dict[str, str], body: Any) -> Routed:
    match = BEDROCK_PATH.match(path)
    assert match is not None
    _bedrock_auth(headers)
    model_id = urllib.parse.unquote(match["model"])
    model = BEDROCK_MODEL.match(model_id)
    if model is None:
        raise bedrock_error(400, "The provided model identifier is invalid.")
    if not isinstance(body, dict):
        raise bedrock_error(
            400, "Malformed input request, please reformat your input and try again."
        )
    body = dict(body)
    if "model" in body or "stream" in body:
        extra = "model" if "model" in body else "stream"
        raise bedrock_error(400, f"{extra}: Extra inputs are not permitted")
    version = body.pop("anthropic_version", None)
    if version not in {BEDROCK_VERSION, *ACCEPTED_VERSIONS}:
        raise bedrock_error(400, "anthropic_version: Invalid value")
    stream = match["op"] == "invoke-with-response-stream"
    body["model"] = model["model"]
    if stream:
        body["stream"] = True
    api_version = "2023-06-01" if version == BEDROCK_VERSION else version
    return Routed("bedrock", body, api_version, stream, {"model_id": model_id})


def _vertex(path: str, headers: dict[str, str], body: Any) -> Routed:
    match = VERTEX_PATH.match(path)
    assert match is not None
    auth = headers.get("authorization", "")
    if not auth.lower().startswith("bearer ") or not auth[7:].strip():
        raise vertex_error(
            401,
            "Request is missing required authentication credential. Expected OAuth 2 access "
            "token, login cookie or other valid authentication credential.",
            "UNAUTHENTICATED",
        )
    if not isinstance(body, dict):
        raise vertex_error(400, "Invalid JSON payload received.", "INVALID_ARGUMENT")
    body = dict(body)
    if "model" in body:
        raise ApiError(400, "invalid_request_error", "model: Extra inputs are not permitted")
    version = body.pop("anthropic_version", None)
    if version not in {VERTEX_VERSION, *ACCEPTED_VERSIONS}:
        raise ApiError(400, "invalid_request_error", "anthropic_version: Invalid value")
    stream = match["op"] == "streamRawPredict"
    if bool(body.get("stream")) != stream:
        raise ApiError(
            400,
            "invalid_request_error",
            f"stream: must be {'true' if stream else 'false'} for :{match['op']}",
        )
    body["model"] = urllib.parse.unquote(match["model"])
    api_version = "2023-06-01" if version == VERTEX_VERSION else version
    return Routed(
        "vertex",
        body,
        api_version,
        stream,
        {"project": match["project"], "region": match["region"]},
    )


def translate(platform: Platform, path: str, headers: dict[str, str], body: Any) -> Routed:
    """The Messages API request a platform request stands for, or the platform's refusal
    (``PlatformError``), or an API refusal the platform passes on (``ApiError``)."""
    path = path.split("?")[0]
    if platform == "bedrock":
        return _bedrock(path, headers, body)
    if platform == "vertex":
        return _vertex(path, headers, body)
    return _foundry(headers, body)


def _foundry(headers: dict[str, str], body: Any) -> Routed:
    """The Messages API under Foundry's prefix. The key is an Azure resource key, not an
    ``sk-ant-`` one, in ``x-api-key`` (or an Entra ID token as ``Authorization: Bearer``)."""
    key = headers.get("x-api-key") or headers.get("api-key")
    auth = headers.get("authorization", "")
    if not (key and key.strip()) and not auth.lower().startswith("bearer "):
        raise ApiError(401, "authentication_error", "x-api-key header is required")
    version = headers.get("anthropic-version", "")
    if version not in ACCEPTED_VERSIONS:
        raise ApiError(400, "invalid_request_error", "anthropic-version: invalid value")
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request_error", "The request body is not valid JSON.")
    return Routed("foundry", body, version, bool(body.get("stream")))
