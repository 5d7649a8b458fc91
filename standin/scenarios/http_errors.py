"""One HTTP error per status the Messages API documents, each on every attempt.

Named ``status_<code>``, so a test (or a reader at the command line) can see which exception
the SDK raises for each status. The error types and their statuses follow the API's errors
page; the messages are short stand-ins for the service's wording, which may change.
"""

from __future__ import annotations

from ..replies import HttpError
from .model import Scenario

ERRORS: tuple[HttpError, ...] = (
    HttpError(400, "invalid_request_error", "messages: Input should be a valid list"),
    HttpError(401, "authentication_error", "invalid x-api-key"),
    HttpError(402, "billing_error", "Your credit balance is too low to access the API"),
    HttpError(403, "permission_error", "Your API key does not have permission to use this model"),
    HttpError(404, "not_found_error", "The requested resource could not be found"),
    HttpError(409, "conflict_error", "The request conflicts with the resource's current state"),
    HttpError(413, "request_too_large", "Request exceeds the maximum allowed number of bytes"),
    HttpError(
        429,
        "rate_limit_error",
        "Number of request tokens has exceeded your per-minute rate limit",
        headers=(("retry-after", "0"),),
    ),
    HttpError(500, "api_error", "Internal server error"),
    HttpError(504, "timeout_error", "Request timed out before a response was generated"),
    HttpError(529, "overloaded_error", "Overloaded"),
)

SCENARIOS: dict[str, Scenario] = {
    f"status_{error.status}": Scenario(
        f"HTTP {error.status} {error.error_type} on every attempt.", (error,)
    )
    for error in ERRORS
}
