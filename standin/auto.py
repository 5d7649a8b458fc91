"""Choose a reply from the request alone, for a reader running any example by hand."""

from __future__ import annotations

from typing import Any

from .replies import Reply
from .scenarios import basic


def _has_tool_result(body: dict[str, Any]) -> bool:
    last = body["messages"][-1]
    content = last.get("content")
    return isinstance(content, list) and any(b.get("type") == "tool_result" for b in content)


def reply_for(body: dict[str, Any]) -> Reply:
    if _has_tool_result(body):
        return basic.WEATHER_ANSWER
    if body.get("tools"):
        return basic.WEATHER_TOOL_CALL
    thinking = body.get("thinking")
    if isinstance(thinking, dict) and thinking.get("type") in ("enabled", "adaptive"):
        return basic.THINKING
    return basic.HAIKU
