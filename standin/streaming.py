"""One streamed reply, event by event: framing for the door it goes through (SSE, or
Bedrock's event-stream), pacing, pings, pauses and the faults a scenario asks for (a cut,
an error event, a stall).

A ``Stream`` lives for one request, so its state (the random splitter, the events sent, the
pacing schedule) starts fresh each time and never leaks to the next request on the connection.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import events, eventstream, platforms, sse
from .line import ClientGoneError, Line
from .replies import Cut, MessageReply

if TYPE_CHECKING:
    from .exchange import Exchange

UNKNOWN_EVENT = (
    "future_event",
    {"type": "future_event", "note": "an event type this client does not know yet"},
)

Event = tuple[str, dict[str, Any]]


def flow_of(reply: MessageReply, plan: events.Plan) -> list[Event]:
    """The events of ``plan`` in the order ``reply`` sends them, with its oddities."""
    flow = events.stream_events(plan)
    if reply.unknown_fields:
        flow = events.with_unknown_fields(flow)
    if reply.delta_before_start and len(flow) > 2 and flow[2][0] == "content_block_delta":
        flow[1], flow[2] = flow[2], flow[1]
    return flow


class Stream:
    """Send ``plan`` as ``reply`` says, through the connection of ``exchange``."""

    def __init__(self, exchange: Exchange, reply: MessageReply, plan: events.Plan) -> None:
        self.exchange = exchange
        self.line: Line = exchange.line
        self.reply = reply
        self.plan = plan
        self.splits = random.Random(reply.framing.split_seed)
        self.bedrock = exchange.platform == "bedrock"
        self.scheduled = exchange.owner.scheduled_pacing
        self.on_event: Callable[[str, dict[str, Any]], None] | None = exchange.owner.on_event
        self.sent = 0
        self.due = time.monotonic()

    def send(self) -> None:
        """Headers, then every event; record whether the stream ended whole or was left."""
        self.exchange.send_stream_head()
        owner, request_id = self.exchange.owner, self.exchange.request_id
        try:
            if self._events():
                self.line.write_chunk(b"")
                owner.record_completed(request_id)
        except ClientGoneError:
            owner.record_disconnect(request_id, self.sent)
            self.exchange.close()

    def _events(self) -> bool:
        """Send the events; False when a scenario's cut ended the stream early."""
        reply = self.reply
        self.due = time.monotonic()
        if reply.first_event_delay:
            self._pace(reply.first_event_delay)
        for index, (name, data) in enumerate(flow_of(reply, self.plan)):
            if reply.cut and reply.cut.after_events == index:
                self._cut(reply.cut, name, data)
                return False
            self._before(index)
            self._send_event(name, data)
            if self.on_event is not None:
                self.on_event(name, data)
            self.sent += 1
        return True

    def _before(self, index: int) -> None:
        """What a scenario sends or waits before event ``index``: pauses, pings, an unknown
        event, the gap between events."""
        reply = self.reply
        for pause in reply.pauses:
            if pause.after_events == index:
                self._pause(pause.seconds, pause.ping_every)
        if index in reply.pings:
            self._send_event("ping", {"type": "ping"})
        if index in reply.unknown_events:
            self._send_event(*UNKNOWN_EVENT)
        if reply.event_delay and index:
            self._pace(reply.event_delay)

    def _pace(self, seconds: float) -> None:
        """Wait ``seconds``, or until the due time plus ``seconds`` when pacing to a schedule
        (so the overshoot of each sleep does not add up over a long reply)."""
        if not self.scheduled:
            self.line.wait(seconds)
            self.due = time.monotonic()
            return
        self.due += seconds
        self.line.wait(max(self.due - time.monotonic(), 0.0))

    def _encode(self, name: str, data: dict[str, Any]) -> bytes:
        """One event as the door it is sent through frames it: SSE, or Bedrock's event-stream."""
        if self.bedrock:
            return eventstream.chunk(data)
        return sse.encode_event(name, data, self.reply.framing.newline)

    def _send_event(self, name: str, data: dict[str, Any]) -> None:
        encoded = self._encode(name, data)
        if self.reply.framing.split_seed is not None:
            pieces = sse.split_at_random(encoded, self.splits)
        else:
            pieces = sse.split(encoded, self.reply.framing.chunk_size)
        for piece in pieces:
            self.line.write_chunk(piece)

    def _pause(self, seconds: float, ping_every: float | None) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            step = min(left, ping_every) if ping_every else left
            self.line.wait(step)
            if ping_every and deadline - time.monotonic() > 0:
                self._send_event("ping", {"type": "ping"})

    def _cut(self, cut: Cut, name: str, data: dict[str, Any]) -> None:
        self.exchange.close()
        if cut.kind == "drop":
            whole = self._encode(name, data)
            size = len(whole) // 2 if cut.partial_bytes is None else cut.partial_bytes
            if size:
                self.line.write_chunk(whole[:size])
            self.line.hang_up()
            return
        if cut.kind == "error" and self.bedrock:
            kind = platforms.BEDROCK_STREAM_ERRORS.get(cut.error_type, "internalServerException")
            self.line.write_chunk(eventstream.exception(kind, cut.error_message))
        elif cut.kind == "error":
            # Real error events carry "details": null beside the type and message (as recorded).
            error = {
                "type": "error",
                "error": {"type": cut.error_type, "message": cut.error_message, "details": None},
            }
            self._send_event("error", error)
        elif cut.kind == "stall":
            self.line.wait(cut.stall_seconds)
            self.line.hang_up()
            return
        self.line.write_chunk(b"")
