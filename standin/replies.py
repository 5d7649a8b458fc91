"""Declarative replies: what the stand-in answers to one request.

A scenario (``scenarios/``) is a list of these, one per request in order, so a test
can say "429 first, then a stream" or "a tool call, then the answer to its result" without
writing any server code. Text is given as the chunks the model would emit: each chunk is one
``text_delta`` and counts as one output token.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from .wire_shape import WireShape


@dataclass(frozen=True)
class Text:
    chunks: tuple[str, ...]
    citations: tuple[dict[str, Any], ...] = ()
    # The text is JSON that a request's output format asks for (``output_config.format``): a
    # variation may cut it elsewhere, never change its words.
    structured: bool = False

    @property
    def text(self) -> str:
        return "".join(self.chunks)


@dataclass(frozen=True)
class ToolUse:
    """A call to a client tool; its id is made per request, as the service makes one per call."""

    name: str
    json_chunks: tuple[str, ...]


@dataclass(frozen=True)
class Thinking:
    """``signature`` None (the default): signed over the thinking actually sent, so the
    block can be passed back and verified (``signatures.py``); a string is sent as is."""

    chunks: tuple[str, ...]
    signature: str | None = None


@dataclass(frozen=True)
class RedactedThinking:
    data: str = "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"


@dataclass(frozen=True)
class ServerToolUse:
    """A server tool call (web search) and its result, which arrives whole.

    The call's input (``{"query": ...}``) streams as ``input_json_delta`` fragments, an empty
    one first, as recorded streams send it; each other fragment counts as one output token."""

    query: str
    results: tuple[dict[str, Any], ...]
    # The search failed: the result block's content is one web_search_tool_result_error object
    # with this code instead of a list (SDK: types/web_search_tool_result_block_content.py).
    error_code: str | None = None

    @property
    def json_chunks(self) -> tuple[str, ...]:
        raw = json.dumps({"query": self.query})
        return ("", *(raw[i : i + 10] for i in range(0, len(raw), 10)))


Block = Text | ToolUse | Thinking | RedactedThinking | ServerToolUse

CutKind = Literal["drop", "clean", "error", "stall"]


@dataclass(frozen=True)
class Cut:
    """End the stream early, after ``after_events`` events have been sent.

    drop: close the socket mid-body (no terminating chunk), after ``partial_bytes`` bytes of
    the next event (half of it when None), so a cut can fall at any byte of the stream;
    clean: end the HTTP body properly, with no ``message_delta``/``message_stop``;
    error: send an ``event: error`` (``error_type``), then end the body;
    stall: send nothing more for ``stall_seconds`` (then close). The stall ends early when
    the client leaves or the stand-in stops, so a stalled test never outlives its client.
    """

    after_events: int
    kind: CutKind
    error_type: str = "overloaded_error"
    error_message: str = "Overloaded"
    stall_seconds: float = 30.0
    partial_bytes: int | None = None


@dataclass(frozen=True)
class RunsOut:
    """Generation ends after ``after`` tokens of the reply's chunks, with ``stop_reason``.

    ``max_tokens``: the request's whole budget is spent there (a real delta carries several
    tokens), so usage reports ``max_tokens`` output tokens, as the service does at that stop.
    ``model_context_window_exceeded``: the context window is full; usage counts what was sent.
    A request's own ``max_tokens`` still stops the reply first when it is smaller."""

    after: int
    stop_reason: Literal["max_tokens", "model_context_window_exceeded"]


@dataclass(frozen=True)
class Pause:
    """Wait ``seconds`` after ``after_events`` events, sending a ping every ``ping_every``."""

    after_events: int
    seconds: float
    ping_every: float | None = None


@dataclass(frozen=True)
class Framing:
    """How the SSE bytes are written: line ending and HTTP chunk size (None = one per event).

    ``split_seed`` cuts each event at random places instead (pieces of 1 byte up to the whole
    event, the same cuts for the same seed), as networks and proxies do: a cut may fall inside
    a line, a CRLF or a UTF-8 character.
    """

    newline: Literal["\n", "\r\n", "\r"] = "\n"
    chunk_size: int | None = None
    split_seed: int | None = None


# A reply that fits any question: no word of the question has to match.
ANY_QUESTION: tuple[str, ...] = ()


@dataclass(frozen=True)
class MessageReply:
    blocks: tuple[Block, ...]
    stop_reason: str = "end_turn"
    stop_sequence: str | None = None
    # Sent with the stop reason (a refusal's category and explanation); None otherwise.
    stop_details: dict[str, Any] | None = None
    # None: counted from the request (``events.asked_from``).
    input_tokens: int | None = None
    # Before event n; recorded streams send their first ping after the first block starts.
    pings: tuple[int, ...] = (2,)
    unknown_events: tuple[int, ...] = ()
    cut: Cut | None = None
    pauses: tuple[Pause, ...] = ()
    framing: Framing = field(default_factory=Framing)
    first_event_delay: float = 0.0
    event_delay: float = 0.0
    # A broken upstream (a faulty proxy, say): the first block's first delta is sent before
    # that block's content_block_start. The real API never does this.
    delta_before_start: bool = False
    # Fields no client knows yet, in events, deltas, the message and its usage: the API adds
    # fields without a new version, and clients must pass them by.
    unknown_fields: bool = False
    # message_delta's usage carries output_tokens alone, as the Streaming Messages page's sample
    # and some recorded streams send it: the input and cache counts are then only in
    # message_start (the SDK's accumulator keeps those).
    delta_usage_output_only: bool = False
    # What question the reply answers (``fit.py``): words one of which the request's question
    # must hold (any case), ANY_QUESTION for a reply that fits whatever was asked (a refusal),
    # None for a reply a test builds for itself. Every named scenario's reply says which.
    answers: tuple[str, ...] | None = None
    # Generation ends early (``RunsOut``); None: it ends where the reply does.
    runs_out: RunsOut | None = None
    # Which optional fields the events carry (``wire_shape.py``); the default is the recorded one.
    wire: WireShape = field(default_factory=WireShape)


@dataclass(frozen=True)
class HttpError:
    """An HTTP error before any event, with the real error body shape."""

    status: int
    error_type: str
    message: str
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FromRequest:
    """A reply computed from the request body, for a model whose answer depends on what it
    was sent (a continuation of an interrupted reply, for instance)."""

    compute: Callable[[dict[str, Any]], MessageReply | HttpError]


Reply = MessageReply | HttpError | FromRequest


def text(*chunks: str, **options: Any) -> MessageReply:
    """Shorthand for the common case: one text block made of ``chunks``."""
    return MessageReply(blocks=(Text(tuple(chunks)),), **options)


def json_text(raw: str, size: int = 4) -> MessageReply:
    """A structured output: one text block holding the JSON ``raw``, in ``size``-character
    deltas (about a token each, so ``max_tokens`` can cut it mid-value)."""
    chunks = tuple(raw[i : i + size] for i in range(0, len(raw), size))
    return MessageReply(blocks=(Text(chunks, structured=True),))
