"""Request checks the real Messages API makes, with its status codes and error types.

An example that would be refused by the real service must be refused here too, so the
examples cannot pass by accident. Messages follow the service's ``field: reason`` style.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

from anthropic.types import ModelParam

from . import signatures

CURRENT_VERSION = "2026-10-21"
ACCEPTED_VERSIONS = frozenset({"2023-01-01", "2023-06-01", CURRENT_VERSION})
REMOVED_IN_CURRENT = ("temperature", "top_p", "top_k")
MAX_OUTPUT_TOKENS = 128_000
FORCED_TOOL_CHOICE_REFUSED = frozenset({"claude-opus-5-5", "claude-sonnet-5-5"})
THINKING_ALWAYS_ON = frozenset({"claude-opus-5-5"})

# Top-level body fields the service accepts (the 2.x SDK's ``messages.create`` parameters).
BODY_FIELDS = frozenset(
    {
        "cache_control",
        "container",
        "diagnostics",
        "inference_geo",
        "max_tokens",
        "messages",
        "metadata",
        "model",
        "output_config",
        "service_tier",
        "speed",
        "stop_sequences",
        "stream",
        "system",
        "thinking",
        "tool_choice",
        "tools",
    }
)


def served_models() -> frozenset[str]:
    """The model ids the service answers to: the ones the installed SDK knows by name."""
    literal = typing.get_args(ModelParam)[0]
    return frozenset(typing.get_args(literal))


@dataclass(frozen=True)
class ApiError(Exception):
    status: int
    error_type: str
    message: str


def _invalid(message: str) -> ApiError:
    return ApiError(400, "invalid_request_error", message)


def check_headers(headers: dict[str, str]) -> str:
    """Return the API version in force, or raise the error the service would answer."""
    key = headers.get("x-api-key")
    auth = headers.get("authorization", "")
    if key is None and auth.lower().startswith("bearer "):
        key = auth[7:]
    if key is None:
        raise ApiError(401, "authentication_error", "x-api-key header is required")
    if not key.strip().startswith("sk-ant-"):
        raise ApiError(401, "authentication_error", "invalid x-api-key")
    version = headers.get("anthropic-version")
    if not version:
        raise _invalid("anthropic-version: header is required")
    if version not in ACCEPTED_VERSIONS:
        raise _invalid(f"anthropic-version: unknown version '{version}'")
    return version


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_thinking_block(block: dict[str, Any], where: str) -> None:
    """A thinking block sent back must be exactly as it was streamed: its signature says so."""
    thinking, signature = block.get("thinking"), block.get("signature")
    if not isinstance(thinking, str) or not isinstance(signature, str):
        raise _invalid(f"{where}: thinking blocks need 'thinking' and 'signature' strings")
    if not signatures.verify(thinking, signature):
        raise _invalid(f"{where}: Invalid `signature` in `thinking` block")


def _check_messages(messages: Any, version: str) -> None:
    if not isinstance(messages, list):
        raise _invalid("messages: Input should be a valid list")
    if not messages:
        raise _invalid("messages: at least one message is required")
    for i, message in enumerate(messages):
        where = f"messages.{i}"
        if not isinstance(message, dict):
            raise _invalid(f"{where}: Input should be a valid dictionary")
        role = message.get("role")
        if role not in ("user", "assistant"):
            raise _invalid(f"{where}.role: Input should be 'user' or 'assistant'")
        content = message.get("content")
        if isinstance(content, str):
            continue
        if not isinstance(content, list):
            raise _invalid(f"{where}.content: Input should be a valid string or list")
        for j, block in enumerate(content):
            if not isinstance(block, dict) or not isinstance(block.get("type"), str):
                raise _invalid(f"{where}.content.{j}: each block needs a 'type'")
            if role == "assistant" and block["type"] == "thinking":
                _check_thinking_block(block, f"{where}.content.{j}")
            if version != CURRENT_VERSION:
                continue
            if role == "assistant" and block["type"] == "document":
                raise _invalid(
                    f"{where}.content.{j}: document blocks are not allowed in assistant turns"
                )
            if role == "user" and block["type"] == "text" and block.get("citations"):
                raise _invalid(f"{where}.content.{j}.citations: not allowed in user turns")
    if messages[0].get("role") != "user":
        raise _invalid('messages: first message must use the "user" role')


def check_body(body: Any, version: str) -> None:
    """Raise the error the service would answer for this body under ``version``."""
    if not isinstance(body, dict):
        raise _invalid("body: Input should be a valid dictionary")
    for name in sorted(body):
        if name in REMOVED_IN_CURRENT and version != CURRENT_VERSION:
            continue
        if name not in BODY_FIELDS:
            raise _invalid(f"{name}: Extra inputs are not permitted")
    model = body.get("model")
    if model is None:
        raise _invalid("model: Field required")
    if not isinstance(model, str):
        raise _invalid("model: Input should be a valid string")
    max_tokens = body.get("max_tokens")
    if max_tokens is None:
        raise _invalid("max_tokens: Field required")
    if not _is_int(max_tokens):
        raise _invalid("max_tokens: Input should be a valid integer")
    if max_tokens < 1:
        raise _invalid("max_tokens: Input should be greater than or equal to 1")
    if "messages" not in body:
        raise _invalid("messages: Field required")
    _check_messages(body["messages"], version)
    if "stream" in body and not isinstance(body["stream"], bool):
        raise _invalid("stream: Input should be a valid boolean")
    if model not in served_models():
        raise ApiError(404, "not_found_error", f"model: {model}")
    if max_tokens > MAX_OUTPUT_TOKENS:
        raise _invalid(
            f"max_tokens: {max_tokens} > {MAX_OUTPUT_TOKENS}, which is the maximum allowed "
            f"number of output tokens for {model}"
        )
    choice = body.get("tool_choice")
    forced = isinstance(choice, dict) and choice.get("type") in ("any", "tool")
    if forced and model in FORCED_TOOL_CHOICE_REFUSED:
        raise _invalid(
            f"tool_choice: forced tool use ('{choice['type']}') is not supported by {model}; "
            "use 'auto' or 'none'"
        )
    thinking = body.get("thinking")
    if isinstance(thinking, dict):
        if thinking.get("type") == "disabled" and model in THINKING_ALWAYS_ON:
            raise _invalid(f"thinking: thinking cannot be disabled for {model}")
        budget = thinking.get("budget_tokens")
        if thinking.get("type") == "enabled":
            if not _is_int(budget) or budget < 1024:
                raise _invalid(
                    "thinking.budget_tokens: Input should be greater than or equal to 1024"
                )
            if budget >= max_tokens:
                raise _invalid("max_tokens: must be greater than thinking.budget_tokens")
