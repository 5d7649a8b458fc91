"""The request headers: the key, the API version, and any beta flags."""

from __future__ import annotations

import typing

from anthropic.types import AnthropicBetaParam

from .errors import ApiError, invalid

# The API's versioning notes: the current version is 2026-10-21; 2023-06-01 is still accepted.
CURRENT_VERSION = "2026-10-21"
ACCEPTED_VERSIONS = frozenset({"2023-01-01", "2023-06-01", CURRENT_VERSION})


def known_betas() -> frozenset[str]:
    """The beta flags the service knows: the SDK's ``AnthropicBetaParam`` literal
    (SDK types: anthropic/types/anthropic_beta_param.py)."""
    literal = next(a for a in typing.get_args(AnthropicBetaParam) if typing.get_args(a))
    return frozenset(typing.get_args(literal))


def api_key(headers: dict[str, str]) -> str | None:
    """The key, from ``x-api-key`` or from ``Authorization: Bearer`` (the 2.x SDK's way)."""
    key = headers.get("x-api-key")
    auth = headers.get("authorization", "")
    if key is None and auth.lower().startswith("bearer "):
        key = auth[7:]
    return key


def check_betas(headers: dict[str, str]) -> None:
    """An ``anthropic-beta`` value the service does not know is refused, empty ones included.

    Wording recorded from the API: "Unexpected value(s) `interleaved-thinking-2025-04-14` for
    the `anthropic-beta` header. Please consult our documentation at docs.claude.com or try
    again without the header." (github.com/pacifio/cersei/issues/20; an empty value is quoted
    as `` in github.com/aaronrussell/anthropix/issues/15).
    """
    if "anthropic-beta" not in headers:
        return
    values = [v.strip() for v in headers["anthropic-beta"].split(",")]
    unknown = [v for v in values if v not in known_betas()]
    if unknown:
        quoted = ", ".join(f"`{v}`" for v in unknown)
        raise invalid(
            f"Unexpected value(s) {quoted} for the `anthropic-beta` header. Please consult our "
            "documentation at docs.claude.com or try again without the header."
        )


def check_headers(headers: dict[str, str]) -> str:
    """Return the API version in force, or raise the error the service would answer."""
    key = api_key(headers)
    if key is None:
        raise ApiError(401, "authentication_error", "x-api-key header is required")
    if not key.strip().startswith("sk-ant-"):
        raise ApiError(401, "authentication_error", "invalid x-api-key")
    version = headers.get("anthropic-version")
    if not version:
        raise invalid("anthropic-version: header is required")
    if version not in ACCEPTED_VERSIONS:
        raise invalid(f"anthropic-version: unknown version '{version}'")
    check_betas(headers)
    return version
