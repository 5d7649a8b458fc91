"""Choose a reply from the request alone, as a model answers what it is asked.

Used when no scenario is forced (a reader running an example by hand, or a case with no
scenario). The answer always fits the request (``fit.py``): a tool call only to a tool that
was offered, with input its schema accepts, and never when ``tool_choice`` is ``none``; no text
before a forced call; server tool blocks only when web search is offered, and a paused
search turn sent back is continued; citations only for
a document that turns them on; thinking only when it is on; JSON that fits the schema when
``output_config.format`` asks for it. Stop sequences and the thinking
display are honoured later, for every reply, by ``events.plan``. The scripted bodies answer the
site's own questions (each says which: ``MessageReply.answers``); another question still gets
the body of its kind, and the fit rules name it as an answer to something else.
"""

from __future__ import annotations

import json
from typing import Any

from . import fit
from .replies import MessageReply, Reply, Text, ToolUse, json_text, text
from .rules.output_config import json_format
from .rules.thinking import is_on as thinking_is_on
from .scenarios import contents

SAMPLE_STRINGS = {"city": "Paris", "location": "Paris", "unit": "celsius", "query": "weather"}


def _has_tool_result(body: dict[str, Any]) -> bool:
    last = body["messages"][-1]
    content = last.get("content")
    return isinstance(content, list) and any(b.get("type") == "tool_result" for b in content)


def sample(schema: dict[str, Any], name: str = "", root: dict[str, Any] | None = None) -> Any:
    """A value the schema accepts: required properties only, the first of an enum or of an
    ``anyOf``, a local ``$ref`` followed."""
    root = schema if root is None else root
    if isinstance(schema.get("$ref"), str):
        return sample(fit.resolve(schema["$ref"], root), name, root)
    if schema.get("anyOf"):
        return sample(schema["anyOf"][0], name, root)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if kind == "object":
        properties = schema.get("properties", {})
        return {k: sample(properties.get(k, {}), k, root) for k in schema.get("required", [])}
    return {
        "string": SAMPLE_STRINGS.get(name, "example"),
        "integer": 1,
        "number": 1.5,
        "boolean": True,
        "array": [],
        "null": None,
    }.get(kind, "example")


def _pieces(raw: str, size: int = 9) -> tuple[str, ...]:
    """The input as the service streams it: an empty fragment first, then small pieces."""
    return ("", *(raw[i : i + size] for i in range(0, len(raw), size)))


def _tool_call(body: dict[str, Any], tools: dict[str, dict[str, Any]]) -> MessageReply:
    choice = body.get("tool_choice") or {}
    forced = choice.get("type") in ("any", "tool")
    name = choice["name"] if choice.get("type") == "tool" else next(iter(tools))
    schema = tools[name]["input_schema"]
    scripted = contents.WEATHER_TOOL_CALL
    if name == "get_weather" and not fit.mismatches(body, scripted):
        call = scripted.blocks[-1]
    else:
        call = ToolUse(name, _pieces(json.dumps(sample(schema))))
    if thinking_is_on(body.get("thinking")):
        thinking = contents.THINKING_TOOL_CALL.blocks[0]
        return MessageReply(blocks=(thinking, call), stop_reason="tool_use")
    preface = () if forced else (Text(("I'll", " use", f" {name}", ".")),)
    return MessageReply(blocks=(*preface, call), stop_reason="tool_use")


def _cited(body: dict[str, Any]) -> MessageReply | None:
    """An answer citing the first document that turns citations on, from its own text."""
    for message in body["messages"]:
        content = message.get("content")
        for index, block in enumerate(content if isinstance(content, list) else []):
            citations = block.get("citations") if block.get("type") == "document" else None
            source = block.get("source", {})
            if not (isinstance(citations, dict) and citations.get("enabled")):
                continue
            if source.get("type") != "text":
                continue
            first = source.get("data", "").split(". ")[0].rstrip(".") + "."
            citation = {
                "type": "char_location",
                "cited_text": first,
                "document_index": index,
                "document_title": block.get("title"),
                "start_char_index": 0,
                "end_char_index": len(first),
            }
            words = tuple(f" {w}" if i else w for i, w in enumerate(first.split(" ")))
            return MessageReply(blocks=(Text(words, citations=(citation,)),))
    return None


def _structured(body: dict[str, Any], schema: dict[str, Any]) -> MessageReply:
    """JSON that fits the requested schema: the river facts when they fit, else a sample."""
    if not fit.mismatches(body, contents.RIVER_JSON):
        return contents.RIVER_JSON
    return json_text(json.dumps(sample(schema)))


def reply_for(body: dict[str, Any]) -> Reply:
    schema = json_format(body)
    if _has_tool_result(body):
        return contents.WEATHER_ANSWER if schema is None else _structured(body, schema)
    tools = fit.client_tools(body)
    choice = (body.get("tool_choice") or {}).get("type")
    if tools and choice != "none":
        return _tool_call(body, tools)
    if schema is not None:
        return _structured(body, schema)
    if fit.has_web_search(body):
        paused = fit.continues_a_paused_turn(body)
        return contents.WEB_SEARCH_CONTINUED if paused else contents.WEB_SEARCH
    if thinking_is_on(body.get("thinking")):
        return contents.THINKING
    cited = _cited(body)
    if cited is not None:
        return cited
    return contents.HAIKU if body["messages"] else text("Hello.")
