"""Could this request really get this reply? The names of every way it could not.

A test may force a scenario on a request; the real API answers what the request asks. A page
that shows thinking beside a request with thinking off, or a tool call beside a request with no
tools, shows an output no reader can get. The stand-in records these mismatches on each
request (``RecordedRequest.mismatches``), and the snippet tests fail on any.
"""

from __future__ import annotations

import json
from typing import Any

from .replies import MessageReply, RedactedThinking, ServerToolUse, Text, Thinking, ToolUse

JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


def _thinking_on(body: dict[str, Any]) -> bool:
    thinking = body.get("thinking")
    return isinstance(thinking, dict) and thinking.get("type") in ("enabled", "adaptive")


def client_tools(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    tools = body.get("tools") or []
    return {t["name"]: t for t in tools if isinstance(t, dict) and "input_schema" in t}


def has_web_search(body: dict[str, Any]) -> bool:
    tools = body.get("tools") or []
    return any(str(t.get("type", "")).startswith("web_search") for t in tools)


def _cites_a_document(body: dict[str, Any]) -> bool:
    for message in body.get("messages", []):
        content = message.get("content")
        if not isinstance(content, list):
            continue
        for block in content:
            citations = block.get("citations") if block.get("type") == "document" else None
            if isinstance(citations, dict) and citations.get("enabled"):
                return True
    return False


def schema_problems(value: Any, schema: dict[str, Any], where: str = "input") -> list[str]:
    """The ways ``value`` breaks the parts of JSON Schema that tool schemas use."""
    expected = schema.get("type")
    if isinstance(expected, str) and expected in JSON_TYPES:
        ok = isinstance(value, JSON_TYPES[expected])
        if expected in ("integer", "number") and isinstance(value, bool):
            ok = False
        if not ok:
            return [f"{where} should be {expected}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}={value!r} is not one of {schema['enum']}"]
    problems: list[str] = []
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        problems += [
            f"{where} lacks required {k!r}" for k in schema.get("required", []) if k not in value
        ]
        if schema.get("additionalProperties") is False:
            problems += [
                f"{where} has {k!r}, which the schema forbids" for k in value if k not in properties
            ]
        for key, item in value.items():
            if key in properties:
                problems += schema_problems(item, properties[key], f"{where}.{key}")
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            problems += schema_problems(item, schema["items"], f"{where}[{i}]")
    return problems


def _intended_input(call: ToolUse) -> Any:
    """The whole input the model means to send (before any ``max_tokens`` cut)."""
    raw = "".join(call.json_chunks)
    return json.loads(raw) if raw else {}


def mismatches(body: dict[str, Any], reply: MessageReply) -> list[str]:
    """Why ``reply`` is not an answer ``body`` could get; empty when it could."""
    found: list[str] = []
    kinds = {type(b) for b in reply.blocks}
    if kinds & {Thinking, RedactedThinking} and not _thinking_on(body):
        found.append("the reply has thinking, but the request does not turn thinking on")
    tools = client_tools(body)
    calls = [b for b in reply.blocks if isinstance(b, ToolUse)]
    choice = body.get("tool_choice")
    if calls and isinstance(choice, dict) and choice.get("type") == "none":
        found.append("the reply calls a tool, but the request says tool_choice none")
    for call in calls:
        value = _intended_input(call)
        if call.name not in tools:
            offered = sorted(tools) or "no tools"
            found.append(f"the reply calls {call.name!r}, but the request offers {offered}")
            continue
        found += [
            f"the reply's {call.name} call: {p}"
            for p in schema_problems(value, tools[call.name]["input_schema"])
        ]
    if reply.stop_reason == "tool_use" and not calls:
        found.append("stop_reason tool_use, but the reply calls no tool")
    if reply.stop_reason == "tool_use" and not tools:
        found.append("stop_reason tool_use, but the request offers no tools")
    if any(isinstance(b, ServerToolUse) for b in reply.blocks) and not has_web_search(body):
        found.append("the reply uses web search, but the request does not offer that tool")
    cited = any(isinstance(b, Text) and b.citations for b in reply.blocks)
    if cited and not _cites_a_document(body):
        found.append("the reply cites, but the request sends no document with citations on")
    if reply.stop_reason == "stop_sequence" and reply.stop_sequence not in (
        body.get("stop_sequences") or []
    ):
        found.append(f"stop_sequence {reply.stop_sequence!r}, which the request did not set")
    return found
