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

from .registry import ASSUMED, rule
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
    """A refusal in the platform's own shape, before the request reaches the Messages API;
    ``rule`` names the registered rule it comes from (``standin/registry.py``)."""

    status: int
    body: dict[str, Any]
    headers: tuple[tuple[str, str], ...] = ()
    rule: str = ""


AWS_ERRORS = "doc: https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html"
BEDROCK_MESSAGES = (
    "doc: https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-"
    "messages.html"
)
VERTEX_CLAUDE = "doc: https://docs.anthropic.com/en/api/claude-on-vertex-ai"
FOUNDRY_SDK = "sdk: anthropic/lib/foundry.py"

BEDROCK_NO_AUTH = rule(
    "platform.bedrock.no_auth",
    "Bedrock: a request with no Authorization header.",
    AWS_ERRORS,
    "Missing Authentication Token",
    wording=ASSUMED,
    status=403,
)
BEDROCK_EMPTY_KEY = rule(
    "platform.bedrock.empty_key",
    "Bedrock: an empty Bedrock API key.",
    ASSUMED,
    "Authentication failed: the API key is empty.",
    status=403,
)
BEDROCK_BAD_SIGNATURE = rule(
    "platform.bedrock.incomplete_signature",
    "Bedrock: an Authorization header that is not a whole SigV4 signature, or no x-amz-date.",
    AWS_ERRORS,
    "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders'",
    wording=ASSUMED,
    status=403,
)
BEDROCK_WRONG_SERVICE = rule(
    "platform.bedrock.wrong_service",
    "Bedrock: a signature scoped to another AWS service than bedrock.",
    AWS_ERRORS,
    "Credential should be scoped to correct service: 'bedrock'. ",
    wording=ASSUMED,
    status=403,
)
BEDROCK_BAD_MODEL = rule(
    "platform.bedrock.bad_model",
    "Bedrock: a model id in the path that is not an Anthropic model id.",
    BEDROCK_MESSAGES,
    "The provided model identifier is invalid.",
    wording="report: https://github.com/aws-samples/amazon-bedrock-workshop/issues/315",
)
BEDROCK_NOT_OBJECT = rule(
    "platform.bedrock.not_object",
    "Bedrock: a body that is not a JSON object.",
    BEDROCK_MESSAGES,
    "Malformed input request, please reformat your input and try again.",
    wording=ASSUMED,
)
BEDROCK_EXTRA = rule(
    "platform.bedrock.extra_field",
    "Bedrock: ``model`` or ``stream`` in the body (the path carries them).",
    BEDROCK_MESSAGES,
    "{field}: Extra inputs are not permitted",
    wording=ASSUMED,
)
BEDROCK_VERSION_RULE = rule(
    "platform.bedrock.version",
    "Bedrock: an ``anthropic_version`` other than bedrock-2023-05-31 or an API version.",
    BEDROCK_MESSAGES,
    "anthropic_version: Invalid value",
    wording=ASSUMED,
    note="That the API's own versions are accepted in the body is assumed (the SDK 2.x sends "
    "one: anthropic/lib/bedrock/_client.py).",
)
VERTEX_NO_AUTH = rule(
    "platform.vertex.no_auth",
    "Vertex AI: no Google OAuth access token.",
    VERTEX_CLAUDE,
    "Request is missing required authentication credential. Expected OAuth 2 access token, "
    "login cookie or other valid authentication credential.",
    wording=ASSUMED,
    status=401,
    error_type="UNAUTHENTICATED",
)
VERTEX_NOT_OBJECT = rule(
    "platform.vertex.not_object",
    "Vertex AI: a body that is not a JSON object.",
    ASSUMED,
    "Invalid JSON payload received.",
    error_type="INVALID_ARGUMENT",
)
VERTEX_MODEL_IN_BODY = rule(
    "platform.vertex.model_in_body",
    "Vertex AI: ``model`` in the body (the path carries it).",
    VERTEX_CLAUDE,
    "model: Extra inputs are not permitted",
    wording=ASSUMED,
)
VERTEX_VERSION_RULE = rule(
    "platform.vertex.version",
    "Vertex AI: an ``anthropic_version`` other than vertex-2023-10-16 or an API version.",
    VERTEX_CLAUDE,
    "anthropic_version: Invalid value",
    wording=ASSUMED,
)
VERTEX_STREAM = rule(
    "platform.vertex.stream",
    "Vertex AI: ``stream`` that does not match the method (:streamRawPredict or :rawPredict).",
    ASSUMED,
    "stream: must be {expected} for :{op}",
)
FOUNDRY_NO_KEY = rule(
    "platform.foundry.no_key",
    "Foundry: no key (``x-api-key`` or ``api-key``) and no Entra ID token.",
    FOUNDRY_SDK,
    "x-api-key header is required",
    wording=ASSUMED,
    status=401,
    error_type="authentication_error",
)
FOUNDRY_VERSION = rule(
    "platform.foundry.version",
    "Foundry: an ``anthropic-version`` header that is not an API version.",
    FOUNDRY_SDK,
    "anthropic-version: invalid value",
    wording=ASSUMED,
)
FOUNDRY_NOT_OBJECT = rule(
    "platform.foundry.not_object",
    "Foundry: a body that is not a JSON object.",
    ASSUMED,
    "The request body is not valid JSON.",
)


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


def bedrock_error(status: int, message: str, rule: str) -> PlatformError:
    code, name, text = BEDROCK_ERRORS.get(status, (status, "InternalServerException", None))
    kind = f"{name}:http://internal.amazon.com/coral/com.amazon.bedrock/"
    return PlatformError(code, {"message": text or message}, (("x-amzn-errortype", kind),), rule)


def vertex_error(status: int, message: str, status_name: str, rule: str) -> PlatformError:
    return PlatformError(
        status, {"error": {"code": status, "message": message, "status": status_name}}, (), rule
    )


def as_platform_error(platform: Platform, error: ApiError, path: str) -> PlatformError | None:
    """An error of the Messages API as the platform answers it; None where it passes as is.

    Vertex AI answers a rate limit with its own quota error, worded as recorded in
    github.com/anthropics/anthropic-sdk-python/issues/963 and github.com/cline/cline/issues/651.
    """
    if platform == "bedrock":
        return bedrock_error(error.status, error.message, error.rule)
    if platform == "vertex" and error.status == 429:
        match = VERTEX_PATH.match(path.split("?")[0])
        model = match["model"] if match else "claude"
        return vertex_error(
            429,
            "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model"
            f" with base model: anthropic-{model}. Please submit a quota increase request. "
            "https://cloud.google.com/vertex-ai/docs/generative-ai/quotas-genai.",
            "RESOURCE_EXHAUSTED",
            error.rule,
        )
    return None


def _bedrock_auth(headers: dict[str, str]) -> None:
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        if not auth[7:].strip():
            raise bedrock_error(403, BEDROCK_EMPTY_KEY.text(), BEDROCK_EMPTY_KEY.id)
        return
    if not auth:
        raise PlatformError(
            403,
            {"message": BEDROCK_NO_AUTH.text()},
            (("x-amzn-errortype", "MissingAuthenticationTokenException"),),
            BEDROCK_NO_AUTH.id,
        )
    signed = SIGV4.match(auth)
    if signed is None or "x-amz-date" not in headers:
        raise PlatformError(
            403,
            {"message": BEDROCK_BAD_SIGNATURE.text()},
            (("x-amzn-errortype", "IncompleteSignatureException"),),
            BEDROCK_BAD_SIGNATURE.id,
        )
    if signed["service"] != "bedrock":
        raise PlatformError(
            403,
            {"message": BEDROCK_WRONG_SERVICE.text()},
            (("x-amzn-errortype", "InvalidSignatureException"),),
            BEDROCK_WRONG_SERVICE.id,
        )


def _bedrock(path: str, headers: dict[str, str], body: Any) -> Routed:
    match = BEDROCK_PATH.match(path)
    assert match is not None
    _bedrock_auth(headers)
    model_id = urllib.parse.unquote(match["model"])
    model = BEDROCK_MODEL.match(model_id)
    if model is None:
        raise bedrock_error(400, BEDROCK_BAD_MODEL.text(), BEDROCK_BAD_MODEL.id)
    if not isinstance(body, dict):
        raise bedrock_error(400, BEDROCK_NOT_OBJECT.text(), BEDROCK_NOT_OBJECT.id)
    body = dict(body)
    if "model" in body or "stream" in body:
        extra = "model" if "model" in body else "stream"
        raise bedrock_error(400, BEDROCK_EXTRA.text(field=extra), BEDROCK_EXTRA.id)
    version = body.pop("anthropic_version", None)
    if version not in {BEDROCK_VERSION, *ACCEPTED_VERSIONS}:
        raise bedrock_error(400, BEDROCK_VERSION_RULE.text(), BEDROCK_VERSION_RULE.id)
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
        raise vertex_error(401, VERTEX_NO_AUTH.text(), "UNAUTHENTICATED", VERTEX_NO_AUTH.id)
    if not isinstance(body, dict):
        raise vertex_error(400, VERTEX_NOT_OBJECT.text(), "INVALID_ARGUMENT", VERTEX_NOT_OBJECT.id)
    body = dict(body)
    if "model" in body:
        raise VERTEX_MODEL_IN_BODY.error()
    version = body.pop("anthropic_version", None)
    if version not in {VERTEX_VERSION, *ACCEPTED_VERSIONS}:
        raise VERTEX_VERSION_RULE.error()
    stream = match["op"] == "streamRawPredict"
    if bool(body.get("stream")) != stream:
        raise VERTEX_STREAM.error(expected="true" if stream else "false", op=match["op"])
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
        raise FOUNDRY_NO_KEY.error()
    version = headers.get("anthropic-version", "")
    if version not in ACCEPTED_VERSIONS:
        raise FOUNDRY_VERSION.error()
    if not isinstance(body, dict):
        raise FOUNDRY_NOT_OBJECT.error()
    return Routed("foundry", body, version, bool(body.get("stream")))
