"""The request headers: the key, the API version, and any beta flags."""

from __future__ import annotations

import typing

from anthropic.types import AnthropicBetaParam

from ..registry import rule

# The API's versioning notes: the current version is 2026-10-21; 2023-06-01 is still accepted.
CURRENT_VERSION = "2026-10-21"
ACCEPTED_VERSIONS = frozenset({"2023-01-01", "2023-06-01", CURRENT_VERSION})

NO_KEY = rule(
    "headers.no_key",
    "No key, in ``x-api-key`` or as ``Authorization: Bearer``.",
    "facts: wire.md",
    "x-api-key header is required",
    wording="report: https://github.com/stackblitz-labs/bolt.diy/issues/156",
    status=401,
    error_type="authentication_error",
)
BAD_KEY = rule(
    "headers.bad_key",
    "A key the service does not know; here, any key that does not start with ``sk-ant-``.",
    "facts: seed-errata.md",
    "invalid x-api-key",
    wording="report: https://github.com/cline/cline/issues/12",
    status=401,
    error_type="authentication_error",
    note="The service checks the key itself; the prefix test is the stand-in's stand-in for it.",
)
NO_VERSION = rule(
    "headers.no_version",
    "No ``anthropic-version`` header.",
    "facts: wire.md",
    "anthropic-version: header is required",
    wording="report: https://github.com/PipedreamHQ/pipedream/issues/9697",
)
BAD_VERSION = rule(
    "headers.bad_version",
    "An ``anthropic-version`` that is not a published version.",
    "facts: wire.md",
    'anthropic-version: "{version}" is not a valid version',
    wording="report: https://github.com/decolua/9router/issues/2357",
    note="2023-01-01 is accepted as well: an assumption (the versioning page lists it as the "
    "first version; no end date was found).",
)
UNKNOWN_BETA = rule(
    "headers.unknown_beta",
    "An ``anthropic-beta`` value the service does not know (the SDK's AnthropicBetaParam), "
    "empty ones included.",
    "sdk: anthropic/types/anthropic_beta_param.py",
    "Unexpected value(s) {values} for the `anthropic-beta` header. Please consult our "
    "documentation at docs.claude.com or try again without the header.",
    wording="report: https://github.com/pacifio/cersei/issues/20",
    note="An empty value quoted as `` in github.com/aaronrussell/anthropix/issues/15.",
)


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
    """An ``anthropic-beta`` value the service does not know is refused (``UNKNOWN_BETA``)."""
    if "anthropic-beta" not in headers:
        return
    values = [v.strip() for v in headers["anthropic-beta"].split(",")]
    unknown = [v for v in values if v not in known_betas()]
    if unknown:
        raise UNKNOWN_BETA.error(values=", ".join(f"`{v}`" for v in unknown))


def check_headers(headers: dict[str, str]) -> str:
    """Return the API version in force, or raise the error the service would answer."""
    key = api_key(headers)
    if key is None:
        raise NO_KEY.error()
    if not key.strip().startswith("sk-ant-"):
        raise BAD_KEY.error()
    version = headers.get("anthropic-version")
    if not version:
        raise NO_VERSION.error()
    if version not in ACCEPTED_VERSIONS:
        raise BAD_VERSION.error(version=version)
    check_betas(headers)
    return version
