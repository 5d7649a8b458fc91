"""Request checks the real Messages API makes, with its status codes and error types.

An example that would be refused by the real service must be refused here too, so the
examples cannot pass by accident. Messages follow the service's ``field: reason`` style. The
checks themselves live in ``rules/``, one module per concern, each rule beside its source;
this module runs them in order: the body's shape first, then what depends on the model, then
what depends on the whole conversation.
"""

from __future__ import annotations

from typing import Any

from .caching import check_breakpoints
from .registry import rule
from .rules import content, output_config, params, server_tools, thinking, tool_history, tools
from .rules.errors import ApiError
from .rules.headers import ACCEPTED_VERSIONS, CURRENT_VERSION, check_headers
from .rules.messages import check_messages
from .rules.models import (
    FORCED_TOOL_CHOICE_REFUSED,
    MAX_OUTPUT_TOKENS,
    THINKING_ALWAYS_ON,
    served_models,
)
from .rules.shapes import EXTRA, REQUIRED, WRONG_TYPE

REMOVED_IN_CURRENT = ("temperature", "top_p", "top_k")

REMOVED = rule(
    "body.removed_in_current",
    "Under 2026-10-21, ``temperature``, ``top_p`` and ``top_k`` are refused (accepted under "
    "2023-06-01).",
    "facts: wire.md",
    "{name}: Extra inputs are not permitted",
)
UNKNOWN_MODEL = rule(
    "body.unknown_model",
    "A model the service does not serve (here: one the installed SDK does not name).",
    "sdk: anthropic/types/model_param.py",
    "model: {model}",
    wording="report: https://github.com/anthropics/claude-code/issues/5349",
    status=404,
    error_type="not_found_error",
)

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
# Accepted beyond the SDK's parameters: the beta's output_format, deprecated (output_config.py).
ALSO_ACCEPTED = frozenset({output_config.DEPRECATED_FIELD})

__all__ = [
    "ACCEPTED_VERSIONS",
    "BODY_FIELDS",
    "CURRENT_VERSION",
    "FORCED_TOOL_CHOICE_REFUSED",
    "MAX_OUTPUT_TOKENS",
    "THINKING_ALWAYS_ON",
    "ApiError",
    "check_body",
    "check_headers",
    "served_models",
]


def _check_fields(body: dict[str, Any], version: str) -> None:
    for name in sorted(body):
        if name in REMOVED_IN_CURRENT:
            if version == CURRENT_VERSION:
                raise REMOVED.error(name=name)
            continue
        if name not in BODY_FIELDS | ALSO_ACCEPTED:
            raise EXTRA.error(where=name)


def check_body(body: Any, version: str) -> None:
    """Raise the error the service would answer for this body under ``version``."""
    if not isinstance(body, dict):
        raise WRONG_TYPE.error(where="body", kind="dictionary")
    _check_fields(body, version)
    model = body.get("model")
    if model is None:
        raise REQUIRED.error(where="model")
    if not isinstance(model, str):
        raise WRONG_TYPE.error(where="model", kind="string")
    max_tokens = params.check_max_tokens(body.get("max_tokens"))
    if "messages" not in body:
        raise REQUIRED.error(where="messages")
    messages = check_messages(body["messages"], version)
    params.check_settings(body)
    content.check_system(body.get("system"))
    tool_names = tools.check_tools(body.get("tools"))
    server_tools.check_settings(body.get("tools"))
    check_breakpoints(body)
    output_config.check_output_config(body, messages)
    # What the model decides.
    if model not in served_models():
        raise UNKNOWN_MODEL.error(model=model)
    params.check_output_cap(max_tokens, model)
    tools.check_tool_choice(body.get("tool_choice"), tool_names, model)
    thinking.check_config(body.get("thinking"), model, max_tokens)
    # What the whole conversation must hold together.
    content.check_not_empty(messages)
    content.check_prefill(messages, model)
    tool_history.check_tools_defined(messages, tool_names)
    tool_history.check_tool_pairing(messages)
    server_tools.check_server_blocks(messages, body.get("tools"))
    thinking.check_signatures(messages)
    thinking.check_tool_loop(messages, body.get("thinking"))
