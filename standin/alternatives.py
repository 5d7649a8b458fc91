"""Other replies the same request could really get, as the SDK's types allow them.

A scenario fixes one reply; the API's types allow others for the same request, and a program
must survive each. An ``Alternative`` changes how a reply ends or what it holds: a refusal (with
no text, or after some), ``max_tokens`` or ``model_context_window_exceeded`` part-way, a stop
sequence the request set, a paused server tool turn, a second tool call, a web search that
failed with one of its error codes. A ``Bundle`` changes only the optional fields the events
carry (``wire_shape.py``, usage counts left out, no ``stop_details``, no ``caller``), and rides
along with any alternative, since none of them changes what the other does.

The values come from the installed SDK's own types (``StopReason``, the refusal categories, the
web search error codes), so an SDK that adds one adds a run; an SDK that adds a stop reason with
no builder here fails ``tests/reference/test_schema_alternatives.py`` until one is written.

An alternative is applied to a request only when the fit rules (``fit.py``) say the request
could get the altered reply: a stop sequence only when it set one, a pause only with web search
offered, a tool call only to a tool it offers. ``scenario_with`` wraps a scenario so that every
reply is altered where it may be, and counts where it was (``Tally``).
"""

from __future__ import annotations

import json
import threading
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from anthropic.types import StopReason
from anthropic.types.refusal_stop_details import RefusalStopDetails
from anthropic.types.web_search_tool_result_error_code import WebSearchToolResultErrorCode

from . import fit
from .auto import sample
from .replies import (
    FromRequest,
    MessageReply,
    RedactedThinking,
    Reply,
    RunsOut,
    ServerToolUse,
    Text,
    Thinking,
    ToolUse,
)
from .rules.thinking import is_on as thinking_is_on
from .scenarios import Scenario, contents
from .variations import vary
from .wire_shape import WireShape

SDK_TYPES = "anthropic/types/"
STOP_REASONS: tuple[str, ...] = typing.get_args(StopReason)
REFUSAL_CATEGORIES: tuple[str, ...] = typing.get_args(
    typing.get_args(RefusalStopDetails.model_fields["category"].annotation)[0]
)
WEB_SEARCH_ERROR_CODES: tuple[str, ...] = typing.get_args(WebSearchToolResultErrorCode)
# Recorded in refusal_response.txt (SDK fixtures) beside category "cyber".
REFUSAL_EXPLANATION = "This request was refused due to policy."

Build = Callable[[MessageReply, dict[str, Any]], MessageReply | None]


@dataclass(frozen=True)
class Alternative:
    """One other reply. ``build`` returns the altered reply, or None when the reply has nothing
    to alter (no text to refuse after, no search to fail). ``stop_reason``: how the altered
    reply ends, when it ends otherwise than the scenario's; a program must then say so.
    ``once``: applied to the first request that can get it only, where a repeat would never
    end (a paused turn continued, a tool called again)."""

    name: str
    source: str
    build: Build
    stop_reason: str | None = None
    once: bool = False


@dataclass(frozen=True)
class Bundle:
    """Optional fields the events carry or leave out; any alternative can take one."""

    name: str
    source: str
    wire: WireShape = field(default_factory=WireShape)
    delta_usage_output_only: bool = False
    uncited: bool = False  # the text answers without citing, as a model may choose to

    def apply(self, reply: MessageReply, body: dict[str, Any]) -> MessageReply:
        if self.uncited:
            reply = replace(reply, blocks=tuple(_uncited(b) for b in reply.blocks))
        wire = self.wire
        if wire.start_usage == "minimal" and _marks_for_caching(body):
            # A request that marks a prefix for caching is told what the cache did, even 0
            # (assumed: the recorded streams that leave the counts out cache nothing).
            wire = replace(wire, start_usage="recorded")
        return replace(reply, wire=wire, delta_usage_output_only=self.delta_usage_output_only)


def _marks_for_caching(value: Any) -> bool:
    """Whether a ``cache_control`` marker is anywhere in the request (top level included)."""
    if isinstance(value, dict):
        return "cache_control" in value or any(_marks_for_caching(v) for v in value.values())
    if isinstance(value, list):
        return any(_marks_for_caching(v) for v in value)
    return False


SPARSE = Bundle(
    "sparse",
    "SDK fixtures message_delta_omitted_usage_response.txt (message_delta usage: output_tokens "
    "alone), refusal_response.txt (message_start usage: input and output tokens alone), "
    "tool_use_response.txt (no stop_details key); types/tool_use_block.py (caller Optional), "
    "types/text_block.py (citations Optional)",
    WireShape(start_usage="minimal", stop_details="absent", tool_caller="absent"),
    delta_usage_output_only=True,
    uncited=True,
)
RICH = Bundle(
    "rich",
    "types/usage.py (inference_geo, speed, service_tier 'priority' as in "
    "message_delta_omitted_usage_response.txt); types/server_tool_use_block.py and "
    "web_search_tool_result_block.py (caller); wire.md: one or more message_delta",
    WireShape(start_usage="rich", server_tool_caller="direct", message_deltas=2),
)
BUNDLES = (SPARSE, RICH)


def tokens(reply: MessageReply) -> int:
    """The output tokens the reply's chunks cost (``events.plan`` charges one each; an empty
    input fragment is free)."""
    total = 0
    for block in reply.blocks:
        total += len(getattr(block, "chunks", ()))
        total += len([c for c in getattr(block, "json_chunks", ()) if c])
    return total


def _uncited(block: Any) -> Any:
    return replace(block, citations=()) if isinstance(block, Text) and block.citations else block


# -- the builders ---------------------------------------------------------------------------


def _refused(category: str | None, explanation: str | None) -> Build:
    """A refusal with no text: an empty text block, as refusal_response.txt records it."""

    def build(reply: MessageReply, body: dict[str, Any]) -> MessageReply:
        details = {"type": "refusal", "category": category, "explanation": explanation}
        return replace(
            reply, blocks=(Text(()),), stop_reason="refusal", stop_details=details, runs_out=None
        )

    return build


def _refused_after_text(reply: MessageReply, body: dict[str, Any]) -> MessageReply | None:
    """The reply's thinking, then half of its first text, then a refusal with no named
    category (``RefusalStopDetails.category``: null when it maps to none)."""
    kept: list[Any] = []
    for block in reply.blocks:
        if isinstance(block, Thinking | RedactedThinking):
            kept.append(block)
            continue
        if isinstance(block, Text) and len(block.chunks) > 1:
            kept.append(Text(block.chunks[: len(block.chunks) // 2], structured=block.structured))
            details = {"type": "refusal", "category": None, "explanation": None}
            return replace(
                reply,
                blocks=tuple(kept),
                stop_reason="refusal",
                stop_details=details,
                runs_out=None,
            )
        break
    return None


def _runs_out(stop_reason: typing.Literal["max_tokens", "model_context_window_exceeded"]) -> Build:
    """Generation ends half-way through the reply's tokens (``replies.RunsOut``)."""

    def build(reply: MessageReply, body: dict[str, Any]) -> MessageReply | None:
        if tokens(reply) < 2:
            return None
        return replace(reply, runs_out=RunsOut(tokens(reply) // 2, stop_reason))

    return build


def _stop_sequence(reply: MessageReply, body: dict[str, Any]) -> MessageReply | None:
    """The model writes the request's first stop sequence half-way through its first text:
    the service ends the reply there (``events.plan``), as the ``stop_sequence`` scenario."""
    stops = body.get("stop_sequences") or []
    texts = [i for i, b in enumerate(reply.blocks) if isinstance(b, Text) and len(b.chunks) > 1]
    if not stops or not texts:
        return None
    at = texts[0]
    block = reply.blocks[at]
    assert isinstance(block, Text)
    half = len(block.chunks) // 2
    written = replace(block, chunks=(*block.chunks[:half], stops[0], *block.chunks[half:]))
    return replace(reply, blocks=(*reply.blocks[:at], written, *reply.blocks[at + 1 :]))


def _paused(reply: MessageReply, body: dict[str, Any]) -> MessageReply | None:
    """The turn pauses after its first search (``stop_reason: "pause_turn"``), as the
    ``web_search_pause_turn`` scenario's first reply."""
    if reply.stop_reason == "pause_turn":
        return None
    for n, block in enumerate(reply.blocks):
        if isinstance(block, ServerToolUse):
            kept = tuple(_uncited(b) for b in reply.blocks[: n + 1])
            return replace(reply, blocks=kept, stop_reason="pause_turn", runs_out=None)
    return None


def _split(raw: str, size: int = 9) -> tuple[str, ...]:
    """Input as the service streams it: an empty fragment first, then small pieces."""
    return ("", *(raw[i : i + size] for i in range(0, len(raw), size)))


def _calls_a_tool(call: ToolUse | None) -> Build:
    """The model calls a tool where the scenario answered: ``call`` (the scenario's own call)
    when the request offers that tool, else the first offered tool with input its schema
    accepts; after thinking when thinking is on, as a thinking turn that calls a tool starts."""

    def build(reply: MessageReply, body: dict[str, Any]) -> MessageReply | None:
        tools = fit.client_tools(body)
        choice = (body.get("tool_choice") or {}).get("type")
        if not tools or choice == "none" or any(isinstance(b, ToolUse) for b in reply.blocks):
            return None
        if call is not None and call.name in tools:
            chosen = call
        else:
            name = next(iter(tools))
            chosen = ToolUse(name, _split(json.dumps(sample(tools[name]["input_schema"]))))
        first = [b for b in reply.blocks if isinstance(b, Thinking | RedactedThinking)][:1]
        if thinking_is_on(body.get("thinking")) and not first:
            first = [contents.THINKING_TOOL_CALL.blocks[0]]
        return replace(reply, blocks=(*first, chosen), stop_reason="tool_use", runs_out=None)

    return build


def _search_failed(code: str) -> Build:
    """Every search of the reply fails with ``code``: its result block holds one error object,
    and the text cites no result (there is none to cite)."""

    def build(reply: MessageReply, body: dict[str, Any]) -> MessageReply | None:
        if not any(isinstance(b, ServerToolUse) for b in reply.blocks):
            return None
        blocks = tuple(
            replace(b, results=(), error_code=code) if isinstance(b, ServerToolUse) else _uncited(b)
            for b in reply.blocks
        )
        return replace(reply, blocks=blocks)

    return build


# -- the catalogue ---------------------------------------------------------------------------

REFUSAL = f"SDK fixture refusal_response.txt; {SDK_TYPES}refusal_stop_details.py"


def refusal_with_no_text(category: str | None) -> Alternative:
    explanation = REFUSAL_EXPLANATION if category else None
    return Alternative(
        f"refusal_no_text_{category or 'uncategorised'}",
        REFUSAL,
        _refused(category, explanation),
        stop_reason="refusal",
    )


REFUSAL_AFTER_TEXT = Alternative(
    "refusal_after_text",
    f"wire.md (a refusal after some text); {SDK_TYPES}refusal_stop_details.py",
    _refused_after_text,
    stop_reason="refusal",
)
MAX_TOKENS = Alternative(
    "max_tokens",
    f"{SDK_TYPES}stop_reason.py; the service stops where max_tokens runs out",
    _runs_out("max_tokens"),
    stop_reason="max_tokens",
)
CONTEXT_WINDOW = Alternative(
    "model_context_window_exceeded",
    f"{SDK_TYPES}stop_reason.py",
    _runs_out("model_context_window_exceeded"),
    stop_reason="model_context_window_exceeded",
)
STOP_SEQUENCE = Alternative(
    "stop_sequence",
    f"{SDK_TYPES}stop_reason.py; only a request that sets stop_sequences",
    _stop_sequence,
    stop_reason="stop_sequence",
)
PAUSE_TURN = Alternative(
    "pause_turn",
    f"{SDK_TYPES}stop_reason.py; only with a server tool offered (fit.py)",
    _paused,
    stop_reason="pause_turn",
    once=True,
)


def tool_call(call: ToolUse | None) -> Alternative:
    return Alternative(
        "tool_use",
        f"{SDK_TYPES}stop_reason.py; only to a tool the request offers (fit.py)",
        _calls_a_tool(call),
        once=True,
    )


def web_search_error(code: str) -> Alternative:
    return Alternative(
        f"web_search_error_{code}",
        f"{SDK_TYPES}web_search_tool_result_block_content.py, "
        "web_search_tool_result_error_code.py; wire.md",
        _search_failed(code),
    )


# The stop reason each ending alternative gives; end_turn is every scenario's own ending.
ENDINGS: dict[str, tuple[Alternative, ...]] = {
    "end_turn": (),
    "refusal": (
        *(refusal_with_no_text(c) for c in (*REFUSAL_CATEGORIES, None)),
        REFUSAL_AFTER_TEXT,
    ),
    "max_tokens": (MAX_TOKENS,),
    "model_context_window_exceeded": (CONTEXT_WINDOW,),
    "stop_sequence": (STOP_SEQUENCE,),
    "pause_turn": (PAUSE_TURN,),
    "tool_use": (tool_call(None),),
}


def catalogue() -> list[Alternative]:
    """Every alternative the stand-in can give, each stop reason's and each error code's."""
    return [
        *(a for reason in STOP_REASONS for a in ENDINGS.get(reason, ())),
        *(web_search_error(code) for code in WEB_SEARCH_ERROR_CODES),
    ]


# -- applying them ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Trial:
    """What one run of a program meets: an alternative (or none), a bundle of optional fields,
    and a seeded variation of the bytes and text (``variations.py``) or none."""

    alternative: Alternative | None
    bundle: Bundle
    seed: int | None = None

    @property
    def name(self) -> str:
        """Short, for a test id: ``max_tokens-rich`` or ``seed1234-sparse``."""
        first = self.alternative.name if self.alternative else f"seed{self.seed}"
        return f"{first}-{self.bundle.name}"

    def describe(self) -> str:
        what = [f"alternative {self.alternative.name}"] if self.alternative else []
        if self.seed is not None:
            what.append(f"variation seed {self.seed}")
        shape = self.bundle.wire.describe()
        if self.bundle.delta_usage_output_only:
            shape += ", message_delta usage: output_tokens alone"
        what.append(f"{self.bundle.name} fields ({shape})")
        return ", ".join(what)


@dataclass
class Tally:
    """How many requests got the alternative: none means the program sent no request that
    could get it."""

    applied: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def take(self, once: bool) -> bool:
        with self._lock:
            if once and self.applied:
                return False
            self.applied += 1
            return True


def altered(
    reply: MessageReply, body: dict[str, Any], alternative: Alternative, tally: Tally
) -> MessageReply:
    """``reply`` as ``alternative`` changes it, if the request could get that (fit.py)."""
    changed = alternative.build(reply, body)
    if changed is None:
        return reply
    if set(fit.mismatches(body, changed)) - set(fit.mismatches(body, reply)):
        return reply
    return changed if tally.take(alternative.once) else reply


def first_tool_call(scenario: Scenario) -> ToolUse | None:
    calls = [
        b
        for r in scenario.replies
        if isinstance(r, MessageReply)
        for b in r.blocks
        if isinstance(b, ToolUse)
    ]
    return calls[0] if calls else None


def scenario_with(scenario: Scenario, trial: Trial) -> tuple[Scenario, Tally]:
    """``scenario`` with every reply given ``trial``: varied, altered where the request can
    get it, its optional fields as the bundle says."""
    tally = Tally()
    alternative = trial.alternative
    if alternative is not None and alternative.name == "tool_use":
        alternative = tool_call(first_tool_call(scenario))

    def wrap(reply: Reply, turn: int) -> Reply:
        def compute(body: dict[str, Any]) -> MessageReply | Any:
            got = reply.compute(body) if isinstance(reply, FromRequest) else reply
            if not isinstance(got, MessageReply):
                return got
            if trial.seed is not None:
                got = vary(got, trial.seed, turn)
            if alternative is not None:
                got = altered(got, body, alternative, tally)
            return trial.bundle.apply(got, body)

        return FromRequest(compute)

    replies = tuple(wrap(r, n) for n, r in enumerate(scenario.replies))
    return Scenario(f"{scenario.description} [{trial.describe()}]", replies), tally
