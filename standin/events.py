"""Turn a ``MessageReply`` into the wire events of the Messages API, or into the JSON Message.

Both come from one plan, so a streamed reply and a non-streamed one always agree, and the
request's ``max_tokens`` is honoured the way the real service honours it: generation stops
where the budget runs out, mid-text or mid-tool-input, with ``stop_reason: "max_tokens"``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from . import signatures, wire_shape
from .caching import CacheUse
from .replies import (
    MessageReply,
    RedactedThinking,
    RunsOut,
    ServerToolUse,
    Text,
    Thinking,
    ToolUse,
)
from .rules.models import default_thinking_display
from .wire_shape import WireShape

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
    stop_details: dict[str, Any] | None
    input_tokens: int
    output_tokens: int
    thinking_tokens: int
    server_tool_requests: int
    # What the request did with the prompt cache (``caching.py``); input_tokens excludes it.
    cache: CacheUse = field(default_factory=CacheUse)
    # message_delta's usage holds output_tokens alone (``MessageReply.delta_usage_output_only``).
    delta_usage_output_only: bool = False
    # Which optional fields the events carry (``MessageReply.wire``).
    wire: WireShape = field(default_factory=WireShape)


@dataclass(frozen=True)
class Asked:
    """What of the request shapes the answer beyond the reply's script."""

    max_tokens: int
    stop_sequences: tuple[str, ...] = ()
    thinking_display: str = "summarized"
    input_tokens: int = 25
    seed: str = ""
    cache: CacheUse = field(default_factory=CacheUse)


def asked_from(body: dict[str, Any], seed: str) -> Asked:
    """Read the request: its budget, stop sequences and thinking display, and a rough count of
    its input tokens (about four characters a token, as the service's own counts go for
    English), so two different requests do not report the same usage."""
    thinking = body.get("thinking")
    display = thinking.get("display") if isinstance(thinking, dict) else None
    sent = {k: body.get(k) for k in ("system", "messages", "tools") if body.get(k)}
    return Asked(
        max_tokens=body["max_tokens"],
        stop_sequences=tuple(body.get("stop_sequences") or ()),
        thinking_display=display or default_thinking_display(str(body.get("model", ""))),
        input_tokens=max(len(json.dumps(sent, ensure_ascii=False)) // 4, 1),
        seed=seed,
    )


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


def _block_id(prefix: str, asked: Asked, index: int) -> str:
    """An id like the service's (``toolu_01...``): different for every call, and the same for
    the same request on the same server, so golden files stay stable."""
    digest = hashlib.sha256(f"{asked.seed}:{index}".encode()).digest()
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return prefix + "01" + "".join(alphabet[b % len(alphabet)] for b in digest[:22])


def _taken(chunks: tuple[str, ...], budget: _Budget) -> list[str]:
    """The chunks generated before the token budget runs out (one token each)."""
    taken = []
    for chunk in chunks:
        if not budget.take():
            break
        taken.append(chunk)
    return taken


def _text_block(
    block: Text, budget: _Budget, stops: tuple[str, ...]
) -> tuple[PlannedBlock, str | None]:
    """The text block, and the stop sequence that ended it (None if none did)."""
    start: dict[str, Any] = {"type": "text", "text": ""}
    if block.citations:
        start["citations"] = []
    chunks, text, hit = [], "", None
    for chunk in _taken(block.chunks, budget):
        grown = text + chunk
        found = [(grown.find(s, max(len(text) - len(s), 0)), s) for s in stops if s in grown]
        if found:
            at, hit = min(found)
            if at > len(text):
                chunks.append(grown[len(text) : at])
            text = grown[:at]
            break
        chunks.append(chunk)
        text = grown
    deltas: list[dict[str, Any]] = [{"type": "text_delta", "text": c} for c in chunks]
    whole = hit is None and len(chunks) == len(block.chunks)
    cited = list(block.citations) if whole else []
    deltas.extend({"type": "citations_delta", "citation": c} for c in cited)
    final = {"type": "text", "text": text, "citations": cited or None}
    return PlannedBlock(start, deltas, final), hit


def _input_json(chunks: tuple[str, ...], budget: _Budget) -> tuple[list[dict[str, Any]], str]:
    """The ``input_json_delta`` events of a tool call's input sent before the budget runs out,
    and the JSON they add up to. A client tool's and a server tool's input stream alike. An
    empty fragment (the service often opens with one, as recorded) is sent but costs no token."""
    deltas: list[dict[str, Any]] = []
    raw = ""
    for chunk in chunks:
        if chunk and not budget.take():
            break
        deltas.append({"type": "input_json_delta", "partial_json": chunk})
        raw += chunk
    return deltas, raw


def _tool_use_block(block: ToolUse, budget: _Budget, tool_id: str) -> PlannedBlock:
    # The service names who called the tool; a model's own call is "direct" (recorded streams).
    start = {
        "type": "tool_use",
        "id": tool_id,
        "name": block.name,
        "input": {},
        "caller": {"type": "direct"},
    }
    deltas, raw = _input_json(block.json_chunks, budget)
    try:
        value = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        value = {}
    final = {**start, "input": value}
    return PlannedBlock(start, deltas, final)


def _thinking_block(block: Thinking, budget: _Budget, display: str) -> tuple[PlannedBlock, int]:
    """The thinking block and the thinking tokens it cost. With ``display: "omitted"`` the
    thinking is done (and billed) but not sent: only the signature arrives."""
    start = {"type": "thinking", "thinking": "", "signature": ""}
    taken = _taken(block.chunks, budget)
    shown = taken if display != "omitted" else []
    thought = "".join(shown)
    deltas: list[dict[str, Any]] = [{"type": "thinking_delta", "thinking": c} for c in shown]
    # Recorded streams end the thinking with an empty thinking_delta, then the signature.
    deltas.append({"type": "thinking_delta", "thinking": ""})
    signature = block.signature if block.signature is not None else signatures.sign(thought)
    deltas.append({"type": "signature_delta", "signature": signature})
    final = {"type": "thinking", "thinking": thought, "signature": signature}
    return PlannedBlock(start, deltas, final), len(taken)


def _server_tool_blocks(block: ServerToolUse, budget: _Budget, tool_id: str) -> list[PlannedBlock]:
    """The call, its input in fragments, then the result block whole (no deltas). A call cut
    by ``max_tokens`` mid-input was never run: it has no result."""
    use_start = {"type": "server_tool_use", "id": tool_id, "name": "web_search", "input": {}}
    deltas, raw = _input_json(block.json_chunks, budget)
    whole = raw == "".join(block.json_chunks)
    use_final = {**use_start, "input": {"query": block.query} if whole else {}}
    planned = [PlannedBlock(use_start, deltas, use_final)]
    if whole:
        content: Any = list(block.results)
        if block.error_code is not None:
            content = {"type": "web_search_tool_result_error", "error_code": block.error_code}
        result = {"type": "web_search_tool_result", "tool_use_id": tool_id, "content": content}
        planned.append(PlannedBlock(result, [], result))
    return planned


def plan(reply: MessageReply, *, message_id: str, model: str, asked: Asked) -> Plan:
    runs_out = reply.runs_out
    if runs_out is not None and runs_out.after >= asked.max_tokens:
        runs_out = None  # the request's own budget stops the reply first
    budget = _Budget(asked.max_tokens if runs_out is None else runs_out.after)
    blocks: list[PlannedBlock] = []
    server_tool_requests = thinking_tokens = 0
    truncated = False
    hit: str | None = None
    for block in reply.blocks:
        if budget.left <= 0 or hit is not None:
            truncated = hit is None
            break
        if isinstance(block, Text):
            planned, hit = _text_block(block, budget, asked.stop_sequences)
            blocks.append(planned)
        elif isinstance(block, ToolUse):
            blocks.append(_tool_use_block(block, budget, _block_id("toolu_", asked, len(blocks))))
        elif isinstance(block, Thinking):
            planned, cost = _thinking_block(block, budget, asked.thinking_display)
            blocks.append(planned)
            thinking_tokens += cost
        elif isinstance(block, RedactedThinking):
            start = {"type": "redacted_thinking", "data": block.data}
            blocks.append(PlannedBlock(start, [], start))
        elif isinstance(block, ServerToolUse):
            tool_id = _block_id("srvtoolu_", asked, len(blocks))
            blocks.extend(_server_tool_blocks(block, budget, tool_id))
            server_tool_requests += 1
    emitted = sum(
        len(getattr(b, "chunks", ())) + len(getattr(b, "json_chunks", ())) for b in reply.blocks
    )
    if hit is None and budget.left <= 0 and budget.used < emitted:
        truncated = True
    if hit is not None:
        stop_reason, stop_sequence = "stop_sequence", hit
    elif truncated:
        stop_reason, stop_sequence = runs_out.stop_reason if runs_out else "max_tokens", None
    else:
        stop_reason, stop_sequence = reply.stop_reason, reply.stop_sequence
    details = reply.stop_details if stop_reason == reply.stop_reason else None
    return Plan(
        message_id=message_id,
        model=model,
        blocks=blocks,
        stop_reason=stop_reason,
        stop_sequence=stop_sequence,
        stop_details=details,
        input_tokens=_uncached_input(reply, asked),
        output_tokens=_output_tokens(budget, runs_out if truncated else None, asked),
        thinking_tokens=thinking_tokens,
        server_tool_requests=server_tool_requests,
        cache=asked.cache,
        delta_usage_output_only=reply.delta_usage_output_only,
        wire=reply.wire,
    )


def _output_tokens(budget: _Budget, runs_out: RunsOut | None, asked: Asked) -> int:
    """What usage reports: the tokens sent, or the whole budget when it ran out (``RunsOut``:
    a real delta carries several tokens, so few deltas may have spent it)."""
    if runs_out is not None and runs_out.stop_reason == "max_tokens":
        return asked.max_tokens
    return max(budget.used, 1)


def _uncached_input(reply: MessageReply, asked: Asked) -> int:
    """``input_tokens`` as usage reports it: the input neither read from nor written to the
    cache, so the three counts add up to the whole input (0 when a marker ends the request)."""
    whole = reply.input_tokens if reply.input_tokens is not None else asked.input_tokens
    return max(whole - asked.cache.read - asked.cache.written, 0)


def _usage(p: Plan, output_tokens: int, *, final: bool) -> dict[str, Any]:
    """Usage as recorded streams carry it: cache fields (by TTL in message_start), the
    service tier; at the end, thinking tokens and server tool calls when there were any."""
    usage: dict[str, Any] = {
        "input_tokens": p.input_tokens,
        "cache_creation_input_tokens": p.cache.written,
        "cache_read_input_tokens": p.cache.read,
        "output_tokens": output_tokens,
    }
    if not final:
        usage["cache_creation"] = {
            "ephemeral_5m_input_tokens": p.cache.written_5m,
            "ephemeral_1h_input_tokens": p.cache.written_1h,
        }
        usage["service_tier"] = "standard"
        return usage
    if p.thinking_tokens:
        usage["output_tokens_details"] = {"thinking_tokens": p.thinking_tokens}
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
        "stop_details": None,
    }


def start_output_tokens(p: Plan) -> int:
    """The small output count ``message_start`` reports: not 1 every time, so a program that
    adds it to the final (cumulative) count is off by more than one and shows it."""
    return 2 + int(hashlib.sha256(p.message_id.encode()).hexdigest(), 16) % 3


def stream_events(p: Plan) -> list[Event]:
    """The documented flow: start, each block (start, deltas, stop), delta, stop."""
    start_usage = _usage(p, start_output_tokens(p), final=False)
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
    delta = {
        "stop_reason": p.stop_reason,
        "stop_sequence": p.stop_sequence,
        "stop_details": p.stop_details,
    }
    usage = _usage(p, p.output_tokens, final=True)
    if p.delta_usage_output_only:
        usage = {"output_tokens": p.output_tokens}
    events.append(("message_delta", {"type": "message_delta", "delta": delta, "usage": usage}))
    events.append(("message_stop", {"type": "message_stop"}))
    return wire_shape.apply(events, p.wire)


def message_json(p: Plan) -> dict[str, Any]:
    """The non-streaming answer: the Message the stream above accumulates to."""
    content = []
    for block in p.blocks:
        final = dict(block.final)
        if final.get("type") == "text" and final.get("citations") is None:
            final.pop("citations")
        content.append(final)
    usage = _usage(p, p.output_tokens, final=False)
    usage.update(_usage(p, p.output_tokens, final=True))
    return {
        **_message_shell(p),
        "content": content,
        "stop_reason": p.stop_reason,
        "stop_sequence": p.stop_sequence,
        "stop_details": p.stop_details,
        "usage": usage,
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
