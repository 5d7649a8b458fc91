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
from .rules.output_config import json_format
from .rules.thinking import is_on as thinking_is_on

JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}


def client_tools(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    tools = body.get("tools") or []
    return {t["name"]: t for t in tools if isinstance(t, dict) and "input_schema" in t}


def has_web_search(body: dict[str, Any]) -> bool:
    tools = body.get("tools") or []
    return any(str(t.get("type", "")).startswith("web_search") for t in tools)


def _assistant_blocks(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        block
        for message in body.get("messages", [])
        if message.get("role") == "assistant" and isinstance(message.get("content"), list)
        for block in message["content"]
        if isinstance(block, dict)
    ]


def continues_a_paused_turn(body: dict[str, Any]) -> bool:
    """The request sends back a paused server tool turn: it ends with an assistant turn that
    holds a ``server_tool_use`` block."""
    messages = body.get("messages") or []
    last = messages[-1] if messages else {}
    content = last.get("content") if last.get("role") == "assistant" else None
    return isinstance(content, list) and any(
        isinstance(b, dict) and b.get("type") == "server_tool_use" for b in content
    )


def _search_result_urls(body: dict[str, Any], reply: MessageReply) -> set[str]:
    """The urls of every search result the model has seen: in this reply, or sent back."""
    results = [r for b in reply.blocks if isinstance(b, ServerToolUse) for r in b.results]
    for block in _assistant_blocks(body):
        if block.get("type") == "web_search_tool_result" and isinstance(block["content"], list):
            results += block["content"]
    return {str(r.get("url")) for r in results}


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


def resolve(ref: str, root: dict[str, Any]) -> dict[str, Any]:
    """The schema a local ``$ref`` (``#/$defs/Name``) points at."""
    target: Any = root
    for part in ref.removeprefix("#/").split("/"):
        target = target.get(part, {}) if isinstance(target, dict) else {}
    return target if isinstance(target, dict) else {}


def schema_problems(
    value: Any, schema: dict[str, Any], where: str = "input", root: dict[str, Any] | None = None
) -> list[str]:
    """The ways ``value`` breaks the parts of JSON Schema that tool schemas and output
    formats use (``$ref`` to the schema's own ``$defs``, ``anyOf`` included)."""
    root = schema if root is None else root
    if isinstance(schema.get("$ref"), str):
        return schema_problems(value, resolve(schema["$ref"], root), where, root)
    options = schema.get("anyOf")
    fits_none = (
        isinstance(options, list)
        and options
        and all(schema_problems(value, option, where, root) for option in options)
    )
    if fits_none:
        return [f"{where}={value!r} fits none of the schema's anyOf"]
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
                problems += schema_problems(item, properties[key], f"{where}.{key}", root)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            problems += schema_problems(item, schema["items"], f"{where}[{i}]", root)
    return problems


def _output_problems(body: dict[str, Any], reply: MessageReply) -> list[str]:
    """With a JSON output format, the reply's text must be JSON that fits the schema (before
    any ``max_tokens`` cut): the service constrains the model's output to it."""
    schema = json_format(body)
    texts = [b for b in reply.blocks if isinstance(b, Text)]
    if schema is None or not texts or reply.stop_reason in ("tool_use", "refusal"):
        return []
    raw = "".join(b.text for b in texts)
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        return [f"the request asks for JSON output, but the reply's text is not JSON: {raw[:40]!r}"]
    return [f"the reply's JSON output: {p}" for p in schema_problems(value, schema, "output")]


def _intended_input(call: ToolUse) -> Any:
    """The whole input the model means to send (before any ``max_tokens`` cut)."""
    raw = "".join(call.json_chunks)
    return json.loads(raw) if raw else {}


# How much of an interrupted reply's end a request to continue it quotes, at least (the
# documented form for Claude 4.6 and later; ``scenarios.broken_streams`` reads it the same way).
QUOTED_END_CHARS = 10


def _words_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    blocks = content if isinstance(content, list) else []
    return "".join(
        b.get("text", "") for b in blocks if isinstance(b, dict) and b.get("type") == "text"
    )


def question_of(body: dict[str, Any]) -> str:
    """What the request asks: the words of its last user turn that holds any (a turn of tool
    results alone asks nothing new). A turn that asks to continue an interrupted reply, quoting
    where the assistant turn before it ended, asks the question before it again."""
    messages = body.get("messages") or []
    for n in range(len(messages) - 1, -1, -1):
        if messages[n].get("role") != "user":
            continue
        words = _words_of(messages[n].get("content")).strip()
        before = messages[n - 1] if n else {}
        partial = _words_of(before.get("content")) if before.get("role") == "assistant" else ""
        end = partial[-QUOTED_END_CHARS:].strip()
        if words and not (end and end in words):
            return words
    return ""


def _topic_problems(body: dict[str, Any], reply: MessageReply) -> list[str]:
    """A reply is the answer to one question (``MessageReply.answers``): the request must ask
    it, as a thinking reply needs thinking on. Otherwise a page shows a question beside the
    answer to another. Assumed: a model answers what it is asked (no source needed)."""
    if not reply.answers:
        return []
    question = question_of(body)
    if any(word.lower() in question.lower() for word in reply.answers):
        return []
    topic = " or ".join(repr(word) for word in reply.answers)
    return [f"the reply answers a question about {topic}, but the request asks {question!r}"]


def mismatches(body: dict[str, Any], reply: MessageReply) -> list[str]:
    """Why ``reply`` is not an answer ``body`` could get; empty when it could."""
    found: list[str] = []
    kinds = {type(b) for b in reply.blocks}
    if kinds & {Thinking, RedactedThinking} and not thinking_is_on(body.get("thinking")):
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
    citations = [c for b in reply.blocks if isinstance(b, Text) for c in b.citations]
    of_documents = [c for c in citations if c.get("type") != "web_search_result_location"]
    if of_documents and not _cites_a_document(body):
        found.append("the reply cites, but the request sends no document with citations on")
    seen = _search_result_urls(body, reply)
    for citation in citations:
        if citation.get("type") == "web_search_result_location" and citation["url"] not in seen:
            found.append(f"the reply cites {citation['url']}, which no search it saw returned")
    searched = any(isinstance(b, ServerToolUse) for b in reply.blocks)
    if reply.stop_reason == "pause_turn" and not (searched and has_web_search(body)):
        found.append("stop_reason pause_turn, but the reply ran no server tool")
    if reply.stop_reason == "stop_sequence" and reply.stop_sequence not in (
        body.get("stop_sequences") or []
    ):
        found.append(f"stop_sequence {reply.stop_sequence!r}, which the request did not set")
    found += _output_problems(body, reply)
    found += _topic_problems(body, reply)
    return found
