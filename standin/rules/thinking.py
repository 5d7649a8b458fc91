"""Thinking: the ``thinking`` setting each model accepts, and thinking blocks sent back.

Shapes: ``ThinkingConfigParam`` (SDK types: anthropic/types/thinking_config_param.py): enabled
(``budget_tokens`` required, "Must be ≥1024 and less than `max_tokens`"), disabled,
between_tools, adaptive. Which model accepts which: ``models.py``.
"""

from __future__ import annotations

from typing import Any

from anthropic.types import ThinkingConfigParam

from .. import signatures
from .errors import invalid
from .models import GENERATION_4_5, THINKING_ALWAYS_ON, adaptive_only
from .shapes import check_dict, check_keys, shapes_of, tag_error
from .tool_history import tool_use_ids

CONFIG_SHAPES = shapes_of(ThinkingConfigParam)
MIN_BUDGET = 1024


def is_on(thinking: Any) -> bool:
    return isinstance(thinking, dict) and thinking.get("type") in ("enabled", "adaptive")


def check_config(thinking: Any, model: str, max_tokens: int) -> None:
    if thinking is None:
        return
    thinking = check_dict(thinking, "thinking")
    kind = thinking.get("type")
    tags = ("disabled", "enabled") if model in GENERATION_4_5 else tuple(CONFIG_SHAPES)
    if kind not in tags:
        raise tag_error("thinking", kind, tags)
    check_keys(thinking, CONFIG_SHAPES[kind], f"thinking.{kind}")
    if kind == "disabled" and model in THINKING_ALWAYS_ON:
        raise invalid(f"thinking: thinking cannot be disabled for {model}")
    if kind == "enabled" and adaptive_only(model):
        # Recorded for claude-sonnet-5 (docs.memberjunction.org, UsesAdaptiveThinking).
        raise invalid(
            '"thinking.type.enabled" is not supported for this model. Use '
            '"thinking.type.adaptive" and "output_config.effort" to control thinking behavior.'
        )
    if kind == "enabled":
        budget = thinking["budget_tokens"]
        if not isinstance(budget, int) or isinstance(budget, bool) or budget < MIN_BUDGET:
            raise invalid("thinking.budget_tokens: Input should be greater than or equal to 1024")
        if budget >= max_tokens:
            raise invalid("max_tokens: must be greater than thinking.budget_tokens")


def check_signatures(messages: list[dict[str, Any]]) -> None:
    """A thinking block sent back must be exactly as it was streamed: its signature says so."""
    for i, message in enumerate(messages):
        if message["role"] != "assistant" or isinstance(message["content"], str):
            continue
        for j, block in enumerate(message["content"]):
            if block["type"] == "thinking" and not signatures.verify(
                block["thinking"], block["signature"]
            ):
                raise invalid(f"messages.{i}.content.{j}: Invalid `signature` in `thinking` block")


def check_tool_loop(messages: list[dict[str, Any]], thinking: Any) -> None:
    """With thinking on, the last ``assistant`` turn, when it calls a tool, starts with its
    thinking block: the one streamed with the call, sent back with it.

    Wording recorded from the API: "messages.1.content.0.type: Expected `thinking` or
    `redacted_thinking`, but found `tool_use`. When `thinking` is enabled, a final `assistant`
    message must start with a thinking block (preceeding the lastmost set of `tool_use` and
    `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid
    this requirement, disable `thinking`. Please consult our documentation at
    https://docs.claude.com/en/docs/build-with-claude/extended-thinking"
    (github.com/anomalyco/opencode/issues/3077, github.com/Kilo-Org/kilocode/issues/5219).
    """
    if not is_on(thinking):
        return
    turns = [i for i, m in enumerate(messages) if m["role"] == "assistant"]
    if not turns or not tool_use_ids(messages[turns[-1]]):
        return
    last = turns[-1]
    first = messages[last]["content"][0]["type"]
    if first in ("thinking", "redacted_thinking"):
        return
    raise invalid(
        f"messages.{last}.content.0.type: Expected `thinking` or `redacted_thinking`, but found "
        f"`{first}`. When `thinking` is enabled, a final `assistant` message must start with a "
        "thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). "
        "We recommend you include thinking blocks from previous turns. To avoid this "
        "requirement, disable `thinking`. Please consult our documentation at "
        "https://docs.claude.com/en/docs/build-with-claude/extended-thinking"
    )
