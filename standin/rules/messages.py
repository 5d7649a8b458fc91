"""The shape of ``messages``: a non-empty list of turns, each with a role and its content.

Per-version rules live here too, since they are about what a turn may hold: under 2026-10-21 a
``document`` block in an ``assistant`` turn and a cited ``text`` block in a ``user`` turn are
refused (the API's notes on version 2026-10-21, "breaking changes").
"""

from __future__ import annotations

from typing import Any

from .blocks import check_block
from .errors import invalid
from .headers import CURRENT_VERSION


def check_messages(messages: Any, version: str) -> list[dict[str, Any]]:
    """Refuse a malformed conversation; return it, every block known to have a valid shape."""
    if not isinstance(messages, list):
        raise invalid("messages: Input should be a valid list")
    if not messages:
        raise invalid("messages: at least one message is required")
    for i, message in enumerate(messages):
        where = f"messages.{i}"
        if not isinstance(message, dict):
            raise invalid(f"{where}: Input should be a valid dictionary")
        role = message.get("role")
        if role not in ("user", "assistant"):
            raise invalid(f"{where}.role: Input should be 'user' or 'assistant'")
        if "content" not in message:
            raise invalid(f"{where}.content: Field required")
        for key in sorted(message.keys() - {"role", "content"}):
            # SDK types: anthropic/types/user_message_param.py declares role and content only.
            raise invalid(f"{where}.{key}: Extra inputs are not permitted")
        content = message["content"]
        if isinstance(content, str):
            continue
        if not isinstance(content, list):
            raise invalid(f"{where}.content: Input should be a valid string or list")
        for j, block in enumerate(content):
            block = check_block(block, f"{where}.content.{j}")
            if version == CURRENT_VERSION:
                _check_current_version(role, block, f"{where}.content.{j}")
    if messages[0]["role"] != "user":
        raise invalid('messages: first message must use the "user" role')
    return messages


def _check_current_version(role: str, block: dict[str, Any], where: str) -> None:
    if role == "assistant" and block["type"] == "document":
        raise invalid(f"{where}: document blocks are not allowed in assistant turns")
    if role == "user" and block["type"] == "text" and block.get("citations"):
        raise invalid(f"{where}.citations: not allowed in user turns")
