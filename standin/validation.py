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
from .rules import content, output_config, params, server_tools, thinking, tool_history, tools
from .rules.errors import ApiError, invalid
from .rules.headers import ACCEPTED_VERSIONS, CURRENT_VERSION, check_headers
from .rules.messages import check_messages
from .rules.models import (
    FORCED_TOOL_CHOICE_REFUSED,
    MAX_OUTPUT_TOKENS,
    THINKING_ALWAYS_ON,
    served_models,
)

REMOVED_IN_CURRENT = ("temperature", "top_p", "top_k")

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
        if name in REMOVED_IN_CURRENT and version != CURRENT_VERSION:
            continue
        if name not in BODY_FIELDS:
            raise invalid(f"{name}: Extra inputs are not permitted")


def check_body(body: Any, version: str) -> None:
    """Raise the error the service would answer for this body under ``version``."""
    if not isinstance(body, dict):
        raise invalid("body: Input should be a valid dictionary")
    _check_fields(body, version)
    model = body.get("model")
    if model is None:
        raise invalid("model: Field required")
    if not isinstance(model, str):
        raise invalid("model: Input should be a valid string")
    max_tokens = params.check_max_tokens(body.get("max_tokens"))
    if "messages" not in body:
        raise invalid("messages: Field required")
    messages = check_messages(body["messages"], version)
    params.check_settings(body)
    content.check_system(body.get("system"))
    tool_names = tools.check_tools(body.get("tools"))
    server_tools.check_settings(body.get("tools"))
    check_breakpoints(body)
    output_config.check_output_config(body.get("output_config"), messages)
    # What the model decides.
    if model not in served_models():
        raise ApiError(404, "not_found_error", f"model: {model}")
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
