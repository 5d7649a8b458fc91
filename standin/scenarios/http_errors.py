"""HTTP errors: one per status the Messages API documents, on every attempt, and the
retryable ones followed by a whole stream.

``status_<code>`` lets a test (or a reader at the command line) see which exception the SDK
raises for each status. The error types and their statuses follow the API's errors page; the
messages are short stand-ins for the service's wording, which may change. See ``answers`` for
the rule of where a scenario lives.
"""

from __future__ import annotations

from ..replies import HttpError
from .contents import HAIKU
from .model import Scenario

RATE_LIMIT_MESSAGE = "Number of request tokens has exceeded your per-minute rate limit"

ERRORS: tuple[HttpError, ...] = (
    HttpError(400, "invalid_request_error", "messages: Input should be a valid list"),
    HttpError(401, "authentication_error", "invalid x-api-key"),
    HttpError(402, "billing_error", "Your credit balance is too low to access the API"),
    HttpError(403, "permission_error", "Your API key does not have permission to use this model"),
    HttpError(404, "not_found_error", "The requested resource could not be found"),
    HttpError(409, "conflict_error", "The request conflicts with the resource's current state"),
    HttpError(413, "request_too_large", "Request exceeds the maximum allowed number of bytes"),
    HttpError(429, "rate_limit_error", RATE_LIMIT_MESSAGE, headers=(("retry-after", "0"),)),
    HttpError(500, "api_error", "Internal server error"),
    HttpError(504, "timeout_error", "Request timed out before a response was generated"),
    HttpError(529, "overloaded_error", "Overloaded"),
)
BY_STATUS = {error.status: error for error in ERRORS}

# retry-after-ms is more precise than retry-after, and the SDK prefers it when both are sent.
RATE_LIMITED_WAIT = HttpError(
    429,
    "rate_limit_error",
    RATE_LIMIT_MESSAGE,
    headers=(("retry-after-ms", "250"), ("retry-after", "2")),
)
RATE_LIMITED_WAIT_SECONDS = HttpError(
    429, "rate_limit_error", RATE_LIMIT_MESSAGE, headers=(("retry-after", "1"),)
)

SCENARIOS: dict[str, Scenario] = {
    **{
        f"status_{error.status}": Scenario(
            f"HTTP {error.status} {error.error_type} on every attempt.", (error,)
        )
        for error in ERRORS
    },
    "rate_limited_then_ok": Scenario(
        "HTTP 429 with retry-after: 0, then a normal stream.", (BY_STATUS[429], HAIKU)
    ),
    "rate_limited_wait_then_ok": Scenario(
        "HTTP 429 with retry-after-ms: 250 and retry-after: 2, then a normal stream.",
        (RATE_LIMITED_WAIT, HAIKU),
    ),
    "rate_limited_wait_seconds_then_ok": Scenario(
        "HTTP 429 with retry-after: 1 (seconds), then a normal stream.",
        (RATE_LIMITED_WAIT_SECONDS, HAIKU),
    ),
    "overloaded_then_ok": Scenario("HTTP 529, then a normal stream.", (BY_STATUS[529], HAIKU)),
    "server_error_then_ok": Scenario("HTTP 500, then a normal stream.", (BY_STATUS[500], HAIKU)),
}
