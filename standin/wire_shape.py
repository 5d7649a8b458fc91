"""Which optional parts of the events a stream carries, where the SDK's types allow either way.

The stand-in's default stream carries what most recorded streams carry (``WireShape()``). Real
streams differ in the fields a type leaves optional: a ``message_start`` with no cache counts,
no ``stop_details`` at all, a ``tool_use`` block with no ``caller``, more than one
``message_delta``. (A ``message_delta`` whose usage holds ``output_tokens`` alone is
``MessageReply.delta_usage_output_only``.) A program that reads one
of them must survive every form; ``alternatives.py`` picks the forms a run gets. Each option
names the recorded stream or SDK type it comes from.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Literal

Event = tuple[str, dict[str, Any]]

# The cache counts of message_start's usage, optional in the SDK's ``Usage``.
CACHE_COUNTS = ("cache_creation_input_tokens", "cache_read_input_tokens", "cache_creation")
# Recorded usage objects carry these too (inference_geo "not_available" and speed "standard" in
# recorded responses; service_tier "priority" in message_delta_omitted_usage_response.txt).
RICH_USAGE = {"service_tier": "priority", "inference_geo": "not_available", "speed": "standard"}


@dataclass(frozen=True)
class WireShape:
    """``start_usage``: ``recorded`` (what the stand-in always sent), ``minimal`` (only
    input_tokens and output_tokens, as refusal_response.txt; the cache counts are left out only
    when they are zero, since a request that used the cache is told so), or ``rich`` (the
    optional fields ``RICH_USAGE`` names too).
    ``stop_details``: with no details to report, ``null`` or ``absent`` (tool_use_response.txt
    and server_tool_use_response.txt send no such key at all).
    ``tool_caller``: a ``tool_use`` block's ``caller``, ``direct`` (recorded) or ``absent``
    (``ToolUseBlock.caller`` is Optional). ``server_tool_caller``: the same on
    ``server_tool_use`` and ``web_search_tool_result`` blocks, ``absent`` (recorded) or
    ``direct`` (their ``caller`` is Optional too).
    ``message_deltas``: how many ``message_delta`` events end the stream; the earlier ones carry
    ``stop_reason: null`` and the output count so far (the documented flow says one or more,
    and the SDK keeps the last: ``tests/reference/test_message_delta_usage.py``)."""

    start_usage: Literal["recorded", "minimal", "rich"] = "recorded"
    stop_details: Literal["null", "absent"] = "null"
    tool_caller: Literal["direct", "absent"] = "direct"
    server_tool_caller: Literal["absent", "direct"] = "absent"
    message_deltas: int = 1

    def describe(self) -> str:
        """The options that differ from the default, as ``name=value`` words."""
        default = WireShape()
        changed = [
            f"{name}={value}"
            for name, value in vars(self).items()
            if value != getattr(default, name)
        ]
        return ", ".join(changed) or "the recorded shape"


def _start_usage(usage: dict[str, Any], how: str) -> dict[str, Any]:
    if how == "rich":
        return {**usage, **RICH_USAGE}
    if how != "minimal":
        return usage
    kept = {"input_tokens": usage["input_tokens"], "output_tokens": usage["output_tokens"]}
    cached = usage.get("cache_creation_input_tokens") or usage.get("cache_read_input_tokens")
    return kept if not cached else {**kept, **{k: usage[k] for k in CACHE_COUNTS if k in usage}}


def _block(block: dict[str, Any], shape: WireShape) -> dict[str, Any]:
    kind = block.get("type")
    if kind == "tool_use" and shape.tool_caller == "absent":
        return {k: v for k, v in block.items() if k != "caller"}
    if (
        kind in ("server_tool_use", "web_search_tool_result")
        and shape.server_tool_caller == "direct"
    ):
        return {**block, "caller": {"type": "direct"}}
    return block


def _without_null_details(part: dict[str, Any], shape: WireShape) -> dict[str, Any]:
    if shape.stop_details == "absent" and part.get("stop_details", 0) is None:
        return {k: v for k, v in part.items() if k != "stop_details"}
    return part


def _earlier_delta(final: dict[str, Any]) -> dict[str, Any]:
    """A message_delta sent before the last one: no stop reason yet, fewer output tokens."""
    earlier = copy.deepcopy(final)
    earlier["delta"] = {**earlier["delta"], "stop_reason": None, "stop_sequence": None}
    if "stop_details" in earlier["delta"]:
        earlier["delta"]["stop_details"] = None
    earlier["usage"]["output_tokens"] = max(final["usage"]["output_tokens"] // 2, 1)
    return earlier


def apply(flow: list[Event], shape: WireShape) -> list[Event]:
    """``flow`` as ``shape`` sends it; the default shape returns it unchanged."""
    if shape == WireShape():
        return flow
    shaped: list[Event] = []
    for name, data in flow:
        if name == "message_start":
            message = _without_null_details(data["message"], shape)
            message = {**message, "usage": _start_usage(message["usage"], shape.start_usage)}
            data = {**data, "message": message}
        elif name == "content_block_start":
            data = {**data, "content_block": _block(data["content_block"], shape)}
        elif name == "message_delta":
            data = {**data, "delta": _without_null_details(data["delta"], shape)}
            shaped.extend(
                ("message_delta", _earlier_delta(data)) for _ in range(shape.message_deltas - 1)
            )
        shaped.append((name, data))
    return shaped
