"""Turn a ``MessageReply`` into the wire events of the Messages API, or into the JSON Message.

Both come from one plan, so a streamed reply and a non-streamed one always agree, and the
request's ``max_tokens`` is honoured the way the real service honours it: generation stops
where the budget runs out, mid-text or mid-tool-input, with ``stop_reason: "max_tokens"``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from . import signatures
from .replies import MessageReply, RedactedThinking, ServerToolUse, Text, Thinking, ToolUse

Event = tuple[str, dict[str, Any]]


@dataclass
class PlannedBlock:
    start: dict[str, Any]
    deltas: list[dict[str, Any]]
    final: dict[str, Any]


@dataclass
class Plan:
    message_id: str
    model: str
    blocks: list[PlannedBlock]
    stop_reason: str
    stop_sequence: str | None
    input_tokens: int
    output_tokens: int
    server_tool_requests: int


class _Budget:
    def __init__(self, max_tokens: int) -> None:
        self.left = max_tokens
        self.used = 0

    def take(self) -> bool:
        if self.left <= 0:
            return False
        self.left -= 1
        self.used += 1
        return True


def _text_block(block: Text, budget: _Budget) -> PlannedBlock:
    start: dict[str, Any] = {"type": "text", "text": ""}
    if block.citations:
        start["citations"] = []
    deltas: list[dict[str, Any]] = []
    text = ""
    for chunk in block.chunks:
        if not budget.take():
            break
        deltas.append({"type": "text_delta", "text": chunk})
        text += chunk
    cited = list(block.citations) if len(deltas) == len(block.chunks) else []
    deltas.extend({"type": "citations_delta", "citation": c} for c in cited)
    final = {"type": "text", "text": text, "citations": cited or None}
    return PlannedBlock(start, deltas, final)


def _tool_use_block(block: ToolUse, budget: _Budget) -> PlannedBlock:
    start = {"type": "tool_use", "id": block.id, "name": block.name, "input": {}}
    deltas: list[dict[str, Any]] = []
    raw = ""
    for chunk in block.json_chunks:
        if chunk and not budget.take():
            break
        deltas.append({"type": "input_json_delta", "partial_json": chunk})
        raw += chunk
    try:
        value = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        value = {}
    final = {"type": "tool_use", "id": block.id, "name": block.name, "input": value}
    return PlannedBlock(start, deltas, final)


def _thinking_block(block: Thinking, budget: _Budget) -> PlannedBlock:
    start = {"type": "thinking", "thinking": "", "signature": ""}
    deltas: list[dict[str, Any]] = []
    thought = ""
    for chunk in block.chunks:
        if not budget.take():
            break
        deltas.append({"type": "thinking_delta", "thinking": chunk})
        thought += chunk
    signature = block.signature if block.signature is not None else signatures.sign(thought)
    deltas.append({"type": "signature_delta", "signature": signature})
    final = {"type": "thinking", "thinking": thought, "signature": signature}
    return PlannedBlock(start, deltas, final)


def _server_tool_blocks(block: ServerToolUse, budget: _Budget) -> list[PlannedBlock]:
    budget.take()
    query = json.dumps({"query": block.query})
    use_start = {"type": "server_tool_use", "id": block.id, "name": "web_search", "input": {}}
    use_final = {**use_start, "input": {"query": block.query}}
    result = {
        "type": "web_search_tool_result",
        "tool_use_id": block.id,
        "content": list(block.results),
    }
    return [
        PlannedBlock(use_start, [{"type": "input_json_delta", "partial_json": query}], use_final),
        PlannedBlock(result, [], result),
    ]


def plan(reply: MessageReply, *, message_id: str, model: str, max_tokens: int) -> Plan:
    budget = _Budget(max_tokens)
    blocks: list[PlannedBlock] = []
    server_tool_requests = 0
    truncated = False
    for block in reply.blocks:
        if budget.left <= 0:
            truncated = True
            break
        if isinstance(block, Text):
            blocks.append(_text_block(block, budget))
        elif isinstance(block, ToolUse):
            blocks.append(_tool_use_block(block, budget))
        elif isinstance(block, Thinking):
            blocks.append(_thinking_block(block, budget))
        elif isinstance(block, RedactedThinking):
            start = {"type": "redacted_thinking", "data": block.data}
            blocks.append(PlannedBlock(start, [], start))
        elif isinstance(block, ServerToolUse):
            blocks.extend(_server_tool_blocks(block, budget))
            server_tool_requests += 1
    emitted = sum(
        len(getattr(b, "chunks", ())) + len(getattr(b, "json_chunks", ())) for b in reply.blocks
    )
    if budget.left <= 0 and budget.used < emitted:
        truncated = True
    return Plan(
        message_id=message_id,
        model=model,
        blocks=blocks,
        stop_reason="max_tokens" if truncated else reply.stop_reason,
        stop_sequence=None if truncated else reply.stop_sequence,
        input_tokens=reply.input_tokens,
        output_tokens=max(budget.used, 1),
        server_tool_requests=server_tool_requests,
    )


def _usage(p: Plan, output_tokens: int) -> dict[str, Any]:
    usage: dict[str, Any] = {
        "input_tokens": p.input_tokens,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 0,
        "output_tokens": output_tokens,
    }
    if p.server_tool_requests:
        # Both counts are required fields of the SDK's ServerToolUsage.
        usage["server_tool_use"] = {
            "web_fetch_requests": 0,
            "web_search_requests": p.server_tool_requests,
        }
    return usage


def _message_shell(p: Plan) -> dict[str, Any]:
    return {
        "id": p.message_id,
        "type": "message",
        "role": "assistant",
        "model": p.model,
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
    }


def stream_events(p: Plan) -> list[Event]:
    """The documented flow: start, each block (start, deltas, stop), delta, stop."""
    start_usage = _usage(p, 1)
    start_usage.pop("server_tool_use", None)
    events: list[Event] = [
        (
            "message_start",
            {"type": "message_start", "message": {**_message_shell(p), "usage": start_usage}},
        )
    ]
    for index, block in enumerate(p.blocks):
        events.append(
            (
                "content_block_start",
                {"type": "content_block_start", "index": index, "content_block": block.start},
            )
        )
        events.extend(
            ("content_block_delta", {"type": "content_block_delta", "index": index, "delta": d})
            for d in block.deltas
        )
        events.append(("content_block_stop", {"type": "content_block_stop", "index": index}))
    events.append(
        (
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": p.stop_reason, "stop_sequence": p.stop_sequence},
                "usage": _usage(p, p.output_tokens),
            },
        )
    )
    events.append(("message_stop", {"type": "message_stop"}))
    return events


def message_json(p: Plan) -> dict[str, Any]:
    """The non-streaming answer: the Message the stream above accumulates to."""
    content = []
    for block in p.blocks:
        final = dict(block.final)
        if final.get("type") == "text" and final.get("citations") is None:
            final.pop("citations")
        content.append(final)
    return {
        **_message_shell(p),
        "content": content,
        "stop_reason": p.stop_reason,
        "stop_sequence": p.stop_sequence,
        "usage": _usage(p, p.output_tokens),
    }


UNKNOWN_FIELD = {"future_field": {"note": "a field this client does not know yet"}}


def with_unknown_fields(flow: list[Event]) -> list[Event]:
    """The same events with fields no client knows: on each event, on each delta, on the
    message in ``message_start`` and in every usage object. Content blocks are left alone: a
    client sends those back, and the API accepts only its own block fields there."""
    changed: list[Event] = []
    for name, data in flow:
        data = {**data, **UNKNOWN_FIELD}
        if "delta" in data:
            data["delta"] = {**data["delta"], **UNKNOWN_FIELD}
        if "usage" in data:
            data["usage"] = {**data["usage"], "future_tokens": 0}
        if "message" in data:
            message = {**data["message"], **UNKNOWN_FIELD}
            message["usage"] = {**message["usage"], "future_tokens": 0}
            data["message"] = message
        changed.append((name, data))
    return changed
