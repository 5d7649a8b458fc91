"""Empty text and empty turns, in ``messages`` and in ``system``; and the prefill rule.

Sources, each a 400 ``invalid_request_error`` recorded verbatim in public reports:
- "messages: text content blocks must be non-empty" (github.com/anthropics/claude-code/issues/
  59812), also for ``"content": ""`` (github.com/BiFangKNT/mtga/pull/68);
- "messages: text content blocks must contain non-whitespace text" (github.com/anthropics/
  claude-code/issues/23440);
- "messages.0: all messages must have non-empty content except for the optional final
  assistant message" (github.com/anthropics/claude-code/issues/3196);
- "system: text content blocks must be non-empty" (github.com/t8y2/dbx/pull/1298); the
  whitespace-only wording for ``system`` is assumed to follow the ``messages`` one;
- "This model does not support assistant message prefill. The conversation must end with a
  user message." (github.com/Kilo-Org/kilocode/issues/13286, full error body); the rule itself:
  "Prefilling assistant messages returns a 400 error on Claude 4.6 models"
  (platform.claude.com/docs/en/about-claude/models/whats-new-claude-4-6#prefill-removal).
"""

from __future__ import annotations

from typing import Any

from .blocks import check_block
from .errors import invalid
from .models import accepts_prefill
from .server_tools import is_paused_turn
from .shapes import tag_error


def _check_text(text: str, field: str) -> None:
    if not text:
        raise invalid(f"{field}: text content blocks must be non-empty")
    if not text.strip():
        raise invalid(f"{field}: text content blocks must contain non-whitespace text")


def check_system(system: Any) -> None:
    """``system`` is a string or a list of text blocks (SDK types:
    anthropic/types/message_create_params.py, ``system: Union[str, Iterable[TextBlockParam]]``),
    and its text may not be empty."""
    if system is None:
        return
    if isinstance(system, str):
        _check_text(system, "system")
        return
    if not isinstance(system, list):
        raise invalid("system: Input should be a valid string or a valid list")
    for i, block in enumerate(system):
        block = check_block(block, f"system.{i}")
        if block["type"] != "text":
            raise tag_error(f"system.{i}", block["type"], ("text",))
        _check_text(block["text"], "system")


def check_not_empty(messages: list[dict[str, Any]]) -> None:
    """No empty turn (but a final ``assistant`` one) and no empty or blank text block."""
    last = len(messages) - 1
    for i, message in enumerate(messages):
        content = message["content"]
        final_assistant = i == last and message["role"] == "assistant"
        if isinstance(content, str):
            if content or not final_assistant:
                _check_text(content, "messages")
            continue
        if not content and not final_assistant:
            raise invalid(
                f"messages.{i}: all messages must have non-empty content except for the "
                "optional final assistant message"
            )
        for block in content:
            if block["type"] == "text":
                _check_text(block["text"], "messages")


def check_prefill(messages: list[dict[str, Any]], model: str) -> None:
    """A final ``assistant`` turn asks the model to continue it: Claude 4.6 and later refuse,
    unless it is a paused server tool turn sent back to be continued (``server_tools``)."""
    last = messages[-1]
    if last["role"] == "assistant" and not accepts_prefill(model) and not is_paused_turn(last):
        raise invalid(
            "This model does not support assistant message prefill. The conversation must end "
            "with a user message."
        )
