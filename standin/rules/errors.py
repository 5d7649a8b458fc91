"""The error a check raises: what the service would answer instead of a reply."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ApiError(Exception):
    """An HTTP error with the API's body shape (``{"type": "error", "error": {...}}``)."""

    status: int
    error_type: str
    message: str
    headers: tuple[tuple[str, str], ...] = ()


def invalid(message: str) -> ApiError:
    """A 400 ``invalid_request_error``, the answer to almost every malformed request."""
    return ApiError(400, "invalid_request_error", message)
