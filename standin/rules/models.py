"""What each model accepts and how it behaves: the per-model facts, in one place.

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


# The shortest prefix each model caches, in tokens. The prompt-caching page's table as quoted in
# public copies: 4,096 for Opus 4.5, 4.6, 4.7, Haiku 4.5 and Mythos Preview; 1,024 for Opus 4.8,
# Opus 4.1, Opus 4, Sonnet 4.x and Sonnet 5; 512 for Opus 5, Fable 5 and Mythos 5 (LiteLLM's
# prompt-caching page, docs.litellm.ai/docs/completion/prompt_caching, 2026-10-07); 2,048 for
# Haiku 3 and 3.5, models the installed SDK no longer names (the page as quoted in
# github.com/anthropics/anthropic-sdk-python/issues/1194). One copy gives 2,048 for Opus 4.7
# (dev.to/creeta, "Claude's prompt cache fails silently below 1,024 tokens"); the others 4,096,
# kept here. No source found gives the figure for the 5.5 models: they get DEFAULT_MIN_TOKENS,
# Sonnet 5's.
MIN_CACHEABLE_TOKENS = {
    "claude-opus-4-5": 4096,
    "claude-opus-4-5-20251101": 4096,
    "claude-opus-4-6": 4096,
    "claude-opus-4-7": 4096,
    "claude-haiku-4-5": 4096,
    "claude-haiku-4-5-20251001": 4096,
    "claude-mythos-preview": 4096,
    "claude-opus-5": 512,
    "claude-fable-5": 512,
    "claude-mythos-5": 512,
}
DEFAULT_MIN_TOKENS = 1024


def min_cacheable_tokens(model: str) -> int:
    """The shortest prompt prefix ``model`` caches; a shorter one is not cached, with no error."""
    return MIN_CACHEABLE_TOKENS.get(model, DEFAULT_MIN_TOKENS)


# Models whose thinking display defaults to "omitted" when a request does not set one: Opus 4.7
# and 4.8, Fable 5 (modelparams.dev thinking.display table; anthropics/claude-code#49268 quotes
# the thinking docs for Opus 4.7 and Mythos Preview). The SDK's own docstring says only that
# "the default depends on the model". Other models, this site's included, default to
# "summarized" here; no source found says otherwise for them.
OMITTED_BY_DEFAULT = frozenset(
    {"claude-opus-4-7", "claude-opus-4-8", "claude-fable-5", "claude-mythos-preview"}
)


def default_thinking_display(model: str) -> str:
    """The thinking display ``model`` uses when a request sets none."""
    return "omitted" if model in OMITTED_BY_DEFAULT else "summarized"
