"""A tool loop sent back in ``messages``: every call answered, every answer to a call.

The service pairs each ``tool_use`` in an ``assistant`` turn with a ``tool_result`` (same id) at
the start of the next ``user`` turn. Each rule's wording is recorded verbatim from the API.
"""

from __future__ import annotations

from typing import Any

from ..registry import rule

UNANSWERED = rule(
    "tools.unanswered_call",
    "A ``tool_use`` with no ``tool_result`` for it in the next user turn.",
    "report: https://github.com/Kilo-Org/kilocode/issues/5163",
    "{where}: `tool_use` ids were found without `tool_result` blocks immediately after: {ids}. "
    "Each `tool_use` block must have a corresponding `tool_result` block in the next message.",
)
RESULTS_NOT_FIRST = rule(
    "tools.results_not_first",
    "The results of a turn's calls do not come first in the next user turn.",
    "report: https://github.com/anthropics/claude-code/issues/37",
    "{where}: Did not find {count} `tool_result` block(s) at the beginning of this message. "
    "Messages following `tool_use` blocks must begin with a matching number of `tool_result` "
    "blocks.",
)
UNEXPECTED_RESULT = rule(
    "tools.unexpected_result",
    "A ``tool_result`` whose id no call in the turn before it has.",
    "report: https://github.com/anthropics/claude-code/issues/13460",
    "{where}: unexpected `tool_use_id` found in `tool_result` blocks: {id}. Each "
    "`tool_result` block must have a corresponding `tool_use` block in the previous message.",
)
UNDEFINED_TOOLS = rule(
    "tools.undefined",
    "Tool calls or results in the conversation, and no ``tools``.",
    "report: https://github.com/anthropics/anthropic-sdk-python/issues/494",
    "Requests which include `tool_use` or `tool_result` blocks must define tools.",
)


def _blocks(message: dict[str, Any]) -> list[dict[str, Any]]:
    content = message["content"]
    return content if isinstance(content, list) else []


def tool_use_ids(message: dict[str, Any]) -> list[str]:
    if message["role"] != "assistant":
        return []
    return [b["id"] for b in _blocks(message) if b["type"] == "tool_use"]


def check_tools_defined(messages: list[dict[str, Any]], tool_names: list[str]) -> None:
    if tool_names:
        return
    for message in messages:
        if any(b["type"] in ("tool_use", "tool_result") for b in _blocks(message)):
            raise UNDEFINED_TOOLS.error()


def _check_results_answer_calls(messages: list[dict[str, Any]], i: int) -> None:
    """Each ``tool_result`` in user turn ``i`` answers a call in the turn just before it."""
    called = set(tool_use_ids(messages[i - 1])) if i else set()
    for j, block in enumerate(_blocks(messages[i])):
        if block["type"] == "tool_result" and block["tool_use_id"] not in called:
            raise UNEXPECTED_RESULT.error(
                where=f"messages.{i}.content.{j}", id=block["tool_use_id"]
            )


def _check_calls_answered(messages: list[dict[str, Any]], i: int) -> None:
    """Every call in assistant turn ``i`` is answered at the start of the next user turn."""
    ids = tool_use_ids(messages[i])
    if not ids:
        return
    following = messages[i + 1] if i + 1 < len(messages) else None
    answer = _blocks(following) if following and following["role"] == "user" else []
    answered = {b["tool_use_id"] for b in answer if b["type"] == "tool_result"}
    missing = [tool_id for tool_id in ids if tool_id not in answered]
    if missing:
        raise UNANSWERED.error(where=f"messages.{i}", ids=", ".join(missing))
    leading = 0
    while leading < len(answer) and answer[leading]["type"] == "tool_result":
        leading += 1
    if leading < len(ids):
        raise RESULTS_NOT_FIRST.error(where=f"messages.{i + 1}", count=len(ids))


def check_tool_pairing(messages: list[dict[str, Any]]) -> None:
    for i, message in enumerate(messages):
        if message["role"] == "user":
            _check_results_answer_calls(messages, i)
        else:
            _check_calls_answered(messages, i)
