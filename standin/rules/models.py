"""What each model accepts: the per-model differences the service enforces.

The model ids come from the installed SDK (``ModelParam``), so a model the SDK learns about is
served without an edit here. The generation of a model decides most differences: Claude 4.5
and earlier keep the older behaviour (prefill, manual thinking budgets); later models refuse it.
"""

from __future__ import annotations

import re
import typing

from anthropic.types import ModelParam

# One output cap for every served model: all of them allow 128K output tokens (Max output
# column of each model page, e.g. platform.claude.com/docs/en/models/opus-4-6/overview).
MAX_OUTPUT_TOKENS = 128_000

# Claude 4.5 and earlier: the last generation that continues an assistant prefill and knows only
# the manual thinking budget. Source: "Prefill removal: Prefilling assistant messages returns a
# 400 error on Claude 4.6 models" (platform.claude.com/docs/en/about-claude/models/
# whats-new-claude-4-6#prefill-removal); the API's notes ("For Claude 4.5 and earlier models, resend it
# as the start of an assistant turn").
GENERATION_4_5 = frozenset(
    {
        "claude-haiku-4-5",
        "claude-haiku-4-5-20251001",
        "claude-opus-4-5",
        "claude-opus-4-5-20251101",
        "claude-sonnet-4-5",
        "claude-sonnet-4-5-20250929",
    }
)

# Forced tool use (tool_choice "any" or "tool") is refused. Source: sdk.md ("Opus 5.5 and
# Sonnet 5.5 reject forced tool use"); platform.claude.com/docs/en/models/sonnet-5-5/overview
# ("Forced tool use returns an error").
FORCED_TOOL_CHOICE_REFUSED = frozenset({"claude-opus-5-5", "claude-sonnet-5-5"})

# Thinking is always on: {"type": "disabled"} is a 400. Source: sdk.md ("thinking cannot be
# disabled on Opus 5.5"); platform.claude.com/docs/en/models/fable-5/migration-guide (Fable 5
# and Mythos 5: "thinking: {type: "disabled"} ... returns a 400 error"); the models table
# lists Fable 5.1 as "Adaptive (always on)".
THINKING_ALWAYS_ON = frozenset(
    {"claude-opus-5-5", "claude-fable-5", "claude-mythos-5", "claude-fable-5-1"}
)

# Every Claude 5 model (claude-<family>-5 or claude-<family>-5-<minor>).
_CLAUDE_5 = re.compile(r"^claude-[a-z]+-5(-\d+)?$")

# Models that take only adaptive thinking: {"type": "enabled", "budget_tokens": N} is a 400.
# Source: the Claude 5 family (observed on claude-sonnet-5: '"thinking.type.enabled" is not
# supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control
# thinking behavior.', docs.memberjunction.org UsesAdaptiveThinking); Fable 5 migration guide
# (manual extended thinking "returns a 400 error"); Opus 4.7 removed budget_tokens
# (hashnode.com/posts/opus-4-7-killed-budget-tokens).
_ADAPTIVE_ONLY_4X = frozenset({"claude-opus-4-7", "claude-opus-4-8"})


def served_models() -> frozenset[str]:
    """The model ids the service answers to: the ones the installed SDK knows by name."""
    literal = typing.get_args(ModelParam)[0]
    return frozenset(typing.get_args(literal))


def accepts_prefill(model: str) -> bool:
    """Whether the model continues a final ``assistant`` turn (Claude 4.5 and earlier only)."""
    return model in GENERATION_4_5


def adaptive_only(model: str) -> bool:
    """Whether manual thinking budgets are refused (Claude Opus 4.7 and later, every Claude 5)."""
    return model in _ADAPTIVE_ONLY_4X or bool(_CLAUDE_5.match(model))
