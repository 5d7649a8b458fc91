"""The shape of ``messages``: a non-empty list of turns, each with a role and its content.

Per-version rules live here too, since they are about what a turn may hold: under 2026-10-21 a
``document`` block in an ``assistant`` turn and a cited ``text`` block in a ``user`` turn are
refused (the API's notes on version 2026-10-21, "breaking changes").
"""

from __future__ import annotations

from typing import Any

from ..registry import ASSUMED, rule
from .blocks import check_block
from .headers import CURRENT_VERSION
from .shapes import EITHER_TYPE, EXTRA, LITERAL, REQUIRED, WRONG_TYPE

NO_MESSAGES = rule(
    "messages.none",
    "An empty ``messages`` list.",
    "report: https://github.com/devoxx/DevoxxGenieIDEAPlugin/issues/567",
    "messages: at least one message is required",
)
FIRST_NOT_USER = rule(
    "messages.first_not_user",
    "A conversation whose first turn is not the user's.",
    "report: https://github.com/lobehub/lobehub/issues/1601",
    'messages: first message must use the "user" role',
    note="Recorded in 2024; github.com/anthropics/anthropic-sdk-typescript/issues/622 (Dec "
    "2024) reports the first-party API accepting an assistant turn first (Bedrock refusing "
    "it). Kept: it is the recorded refusal.",
)
DOCUMENT_IN_ASSISTANT = rule(
    "messages.document_in_assistant",
    "Under 2026-10-21, a ``document`` block in an assistant turn.",
    "facts: wire.md",
    "{where}: document blocks are not allowed in assistant turns",
    wording=ASSUMED,
)
CITED_USER_TEXT = rule(
    "messages.cited_user_text",
    "Under 2026-10-21, a text block with non-empty ``citations`` in a user turn.",
    "facts: wire.md",
    "{where}.citations: not allowed in user turns",
    wording=ASSUMED,
)


def check_messages(messages: Any, version: str) -> list[dict[str, Any]]:
    """Refuse a malformed conversation; return it, every block known to have a valid shape."""
    if not isinstance(messages, list):
        raise WRONG_TYPE.error(where="messages", kind="list")
    if not messages:
        raise NO_MESSAGES.error()
    for i, message in enumerate(messages):
        where = f"messages.{i}"
        if not isinstance(message, dict):
            raise WRONG_TYPE.error(where=where, kind="dictionary")
        role = message.get("role")
        if role not in ("user", "assistant"):
            raise LITERAL.error(where=f"{where}.role", allowed="'user' or 'assistant'")
        if "content" not in message:
            raise REQUIRED.error(where=f"{where}.content")
        for key in sorted(message.keys() - {"role", "content"}):
            # SDK types: anthropic/types/message_param.py declares role and content only.
            raise EXTRA.error(where=f"{where}.{key}")
        content = message["content"]
        if isinstance(content, str):
            continue
        if not isinstance(content, list):
            raise EITHER_TYPE.error(where=f"{where}.content")
        for j, block in enumerate(content):
            block = check_block(block, f"{where}.content.{j}")
            if version == CURRENT_VERSION:
                _check_current_version(role, block, f"{where}.content.{j}")
    if messages[0]["role"] != "user":
        raise FIRST_NOT_USER.error()
    return messages


def _check_current_version(role: str, block: dict[str, Any], where: str) -> None:
    if role == "assistant" and block["type"] == "document":
        raise DOCUMENT_IN_ASSISTANT.error(where=where)
    if role == "user" and block["type"] == "text" and block.get("citations"):
        raise CITED_USER_TEXT.error(where=where)
