"""Empty text and empty turns, in ``messages`` and in ``system``; and the prefill rule.

Each rule below names its source; the wordings are 400 ``invalid_request_error`` answers
recorded verbatim in public reports.
"""

from __future__ import annotations

from typing import Any

from ..registry import ASSUMED, rule
from .blocks import check_block
from .models import accepts_prefill
from .server_tools import is_paused_turn
from .shapes import EITHER_TYPE, tag_error

EMPTY_TEXT = rule(
    "content.empty_text",
    "A text block (or string content) with no text, in a turn or in ``system``.",
    "report: https://github.com/anthropics/claude-code/issues/59812",
    "{field}: text content blocks must be non-empty",
    note='``system``\'s wording: github.com/t8y2/dbx/pull/1298; ``"content": ""``: '
    "github.com/BiFangKNT/mtga/pull/68.",
)
BLANK_TEXT = rule(
    "content.blank_text",
    "A text block whose text is only whitespace.",
    "report: https://github.com/anthropics/claude-code/issues/23440",
    "{field}: text content blocks must contain non-whitespace text",
)
BLANK_SYSTEM = rule(
    "content.blank_system",
    "A ``system`` text that is only whitespace, refused as ``messages`` text is.",
    ASSUMED,
    "system: text content blocks must contain non-whitespace text",
    note="Recorded for ``messages`` only (content.blank_text).",
)
EMPTY_TURN = rule(
    "content.empty_turn",
    "A turn with no content, other than a final assistant turn.",
    "report: https://github.com/anthropics/claude-code/issues/3196",
    "{where}: all messages must have non-empty content except for the optional final "
    "assistant message",
)
PREFILL = rule(
    "content.prefill",
    "A final assistant turn (a prefill) on Claude 4.6 and later, unless it is a paused server "
    "tool turn sent back to be continued.",
    "doc: https://platform.claude.com/docs/en/about-claude/models/whats-new-claude-4-6"
    "#prefill-removal",
    "This model does not support assistant message prefill. The conversation must end with a "
    "user message.",
    wording="report: https://github.com/Kilo-Org/kilocode/issues/13286",
)


def _check_text(text: str, field: str) -> None:
    if not text:
        raise EMPTY_TEXT.error(field=field)
    if not text.strip():
        raise BLANK_SYSTEM.error() if field == "system" else BLANK_TEXT.error(field=field)


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
        raise EITHER_TYPE.error(where="system")
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
            raise EMPTY_TURN.error(where=f"messages.{i}")
        for block in content:
            if block["type"] == "text":
                _check_text(block["text"], "messages")


def check_prefill(messages: list[dict[str, Any]], model: str) -> None:
    """A final ``assistant`` turn asks the model to continue it: Claude 4.6 and later refuse,
    unless it is a paused server tool turn sent back to be continued (``server_tools``)."""
    last = messages[-1]
    if last["role"] == "assistant" and not accepts_prefill(model) and not is_paused_turn(last):
        raise PREFILL.error()
