"""Server tools (web search): their settings, and their blocks when a turn is sent back.

A server tool runs on the service, so its call (``server_tool_use``) and its result
(``web_search_tool_result``) are both in the assistant's turn, paired by id, and no
``tool_result`` answers them. A turn the service paused (``stop_reason: "pause_turn"``) is
continued by sending the same request again with that turn appended as the last message:
the service goes on with it, so this final assistant turn is not a prefill, even on models that
refuse prefill. Source: the server tools page (platform.claude.com/docs/en/agents-and-tools/
tool-use/server-tools: "the server_tool_use block", "pause_turn continuation": the result block
follows its call "in the same assistant turn, paired by tool_use_id"). ``allowed_domains``
"Cannot be used alongside ``blocked_domains``" (SDK types: web_search_tool_20260318_param.py).
The wording of these refusals is the stand-in's own: no recorded wording was found.
"""

from __future__ import annotations

from typing import Any

from ..registry import ASSUMED, rule

SERVER_RESULTS = {"web_search_tool_result": "web_search"}
SERVER_TOOLS_PAGE = (
    "doc: https://platform.claude.com/docs/en/agents-and-tools/tool-use/server-tools"
)

DOMAINS_BOTH = rule(
    "server_tools.domains_both",
    "A web search tool with both ``allowed_domains`` and ``blocked_domains``.",
    "sdk: anthropic/types/web_search_tool_20260318_param.py",
    "{where}: allowed_domains and blocked_domains cannot be used together",
    wording=ASSUMED,
)
CALL_NOT_OFFERED = rule(
    "server_tools.call_not_offered",
    "A ``server_tool_use`` sent back for a server tool the request does not offer.",
    SERVER_TOOLS_PAGE,
    "{where}: `server_tool_use` names '{name}', which is not a server tool in `tools`",
    wording=ASSUMED,
)
RESULT_WITHOUT_CALL = rule(
    "server_tools.result_without_call",
    "A server tool result with no call before it, paired by id, in the same assistant turn.",
    SERVER_TOOLS_PAGE,
    "{where}: `{kind}` block with tool_use_id {id} has no matching `server_tool_use` block "
    "before it in the same message",
    wording=ASSUMED,
)


def _blocks(message: dict[str, Any]) -> list[dict[str, Any]]:
    content = message["content"]
    return content if isinstance(content, list) else []


def is_paused_turn(message: dict[str, Any]) -> bool:
    """An assistant turn that holds a server tool call: one the service can continue."""
    return message["role"] == "assistant" and any(
        b["type"] == "server_tool_use" for b in _blocks(message)
    )


def check_settings(tools: Any) -> None:
    for i, tool in enumerate(tools or []):
        if not str(tool.get("type", "")).startswith("web_search"):
            continue
        if tool.get("allowed_domains") and tool.get("blocked_domains"):
            raise DOMAINS_BOTH.error(where=f"tools.{i}")


def check_server_blocks(messages: list[dict[str, Any]], tools: Any) -> None:
    """Each result answers a call made earlier in its own turn, and each call names a server
    tool the request offers."""
    offered = {t.get("name") for t in tools or [] if "input_schema" not in t}
    for i, message in enumerate(messages):
        called: dict[str, str] = {}
        for j, block in enumerate(_blocks(message)):
            where = f"messages.{i}.content.{j}"
            if block["type"] == "server_tool_use":
                if block["name"] not in offered:
                    raise CALL_NOT_OFFERED.error(where=where, name=block["name"])
                called[block["id"]] = block["name"]
            elif block["type"] in SERVER_RESULTS:
                tool_id = block["tool_use_id"]
                if called.get(tool_id) != SERVER_RESULTS[block["type"]]:
                    raise RESULT_WITHOUT_CALL.error(where=where, kind=block["type"], id=tool_id)
