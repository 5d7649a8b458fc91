"""Thinking: the ``thinking`` setting each model accepts, and thinking blocks sent back.

Shapes: ``ThinkingConfigParam`` (SDK types: anthropic/types/thinking_config_param.py): enabled
(``budget_tokens`` required, "Must be ≥1024 and less than `max_tokens`"), disabled,
between_tools, adaptive. Which model accepts which: ``models.py``.
"""

from __future__ import annotations

from typing import Any

from anthropic.types import ThinkingConfigParam

from .. import signatures
from ..registry import ASSUMED, rule
from .models import GENERATION_4_5, THINKING_ALWAYS_ON, adaptive_only
from .shapes import check_dict, check_keys, shapes_of, tag_error
from .tool_history import tool_use_ids

CONFIG_SHAPES = shapes_of(ThinkingConfigParam)
MIN_BUDGET = 1024

OLD_KINDS = rule(
    "thinking.old_kinds",
    "Claude 4.5 and earlier know only the ``enabled`` and ``disabled`` kinds of thinking.",
    "report: https://github.com/strands-agents/sdk-python/issues/1856",
    "thinking: Input tag '{found}' found using 'type' does not match any of the expected "
    "tags: 'disabled', 'enabled'",
)
ALWAYS_ON = rule(
    "thinking.always_on",
    "``thinking: {type: disabled}`` on a model whose thinking is always on (Opus 5.5, Fable 5, "
    "Mythos 5, Fable 5.1).",
    "doc: https://platform.claude.com/docs/en/models/fable-5/migration-guide",
    "thinking: thinking cannot be disabled for {model}",
    wording=ASSUMED,
    note='Opus 5.5: facts/sdk.md ("thinking cannot be disabled on Opus 5.5").',
)
ADAPTIVE_ONLY = rule(
    "thinking.adaptive_only",
    "A manual thinking budget (``enabled``) on Opus 4.7 and later, and on every Claude 5 model.",
    "doc: https://platform.claude.com/docs/en/models/fable-5/migration-guide",
    '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" '
    'and "output_config.effort" to control thinking behavior.',
    wording="report: docs.memberjunction.org, UsesAdaptiveThinking (claude-sonnet-5)",
    note="Opus 4.7: hashnode.com/posts/opus-4-7-killed-budget-tokens.",
)
BUDGET_MIN = rule(
    "thinking.budget_min",
    f"A thinking budget below {MIN_BUDGET} tokens.",
    "sdk: anthropic/types/thinking_config_enabled_param.py",
    "thinking.enabled.budget_tokens: Input should be greater than or equal to {minimum}",
    wording="report: https://github.com/themaximalist/llm.js/issues/30",
)
BUDGET_OVER_MAX = rule(
    "thinking.budget_over_max",
    "A thinking budget not below ``max_tokens``.",
    "sdk: anthropic/types/thinking_config_enabled_param.py",
    "max_tokens: must be greater than thinking.budget_tokens",
    wording=ASSUMED,
)
BAD_SIGNATURE = rule(
    "thinking.signature",
    "A thinking block sent back changed: its signature does not match its text.",
    "doc: https://platform.claude.com/docs/en/build-with-claude/extended-thinking",
    "{where}: Invalid `signature` in `thinking` block",
    wording="report: https://github.com/anthropics/claude-code/issues/10627",
)
TOOL_LOOP = rule(
    "thinking.tool_loop",
    "With thinking on, a final assistant turn that calls a tool must start with its thinking "
    "block.",
    "report: https://github.com/anomalyco/opencode/issues/3077",
    "{where}.type: Expected `thinking` or `redacted_thinking`, but found `{found}`. When "
    "`thinking` is enabled, a final `assistant` message must start with a thinking block "
    "(preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you "
    "include thinking blocks from previous turns. To avoid this requirement, disable "
    "`thinking`. Please consult our documentation at "
    "https://docs.claude.com/en/docs/build-with-claude/extended-thinking",
    note="Also github.com/Kilo-Org/kilocode/issues/5219.",
)


def is_on(thinking: Any) -> bool:
    """Whether a request's ``thinking`` turns thinking on: the one place that says so."""
    return isinstance(thinking, dict) and thinking.get("type") in ("enabled", "adaptive")


def check_config(thinking: Any, model: str, max_tokens: int) -> None:
    if thinking is None:
        return
    thinking = check_dict(thinking, "thinking")
    kind = thinking.get("type")
    if model in GENERATION_4_5 and kind not in ("disabled", "enabled"):
        raise OLD_KINDS.error(found=kind)
    if kind not in CONFIG_SHAPES:
        raise tag_error("thinking", kind, tuple(CONFIG_SHAPES))
    check_keys(thinking, CONFIG_SHAPES[kind], f"thinking.{kind}")
    if kind == "disabled" and model in THINKING_ALWAYS_ON:
        raise ALWAYS_ON.error(model=model)
    if kind == "enabled" and adaptive_only(model):
        raise ADAPTIVE_ONLY.error()
    if kind == "enabled":
        budget = thinking["budget_tokens"]
        if not isinstance(budget, int) or isinstance(budget, bool) or budget < MIN_BUDGET:
            raise BUDGET_MIN.error(minimum=MIN_BUDGET)
        if budget >= max_tokens:
            raise BUDGET_OVER_MAX.error()


def check_signatures(messages: list[dict[str, Any]]) -> None:
    """A thinking block sent back must be exactly as it was streamed: its signature says so."""
    for i, message in enumerate(messages):
        if message["role"] != "assistant" or isinstance(message["content"], str):
            continue
        for j, block in enumerate(message["content"]):
            if block["type"] == "thinking" and not signatures.verify(
                block["thinking"], block["signature"]
            ):
                raise BAD_SIGNATURE.error(where=f"messages.{i}.content.{j}")


def check_tool_loop(messages: list[dict[str, Any]], thinking: Any) -> None:
    """With thinking on, the last ``assistant`` turn, when it calls a tool, starts with its
    thinking block: the one streamed with the call, sent back with it (``TOOL_LOOP``)."""
    if not is_on(thinking):
        return
    turns = [i for i, m in enumerate(messages) if m["role"] == "assistant"]
    if not turns or not tool_use_ids(messages[turns[-1]]):
        return
    last = turns[-1]
    first = messages[last]["content"][0]["type"]
    if first in ("thinking", "redacted_thinking"):
        return
    raise TOOL_LOOP.error(where=f"messages.{last}.content.0", found=first)
