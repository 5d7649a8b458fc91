"""A local stand-in for the Claude Messages API: a real HTTP/1.1 server on 127.0.0.1.

It validates requests as the real service does (``validation.py``), answers from a scenario
(streamed as SSE over chunked transfer encoding, or as one JSON Message), records every
request, and notices when a client goes away mid-stream, so tests can prove an example
closed its connection.
"""

from __future__ import annotations

import itertools
import json
import select
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from . import auto, events, sse
from .replies import Cut, FromRequest, HttpError, MessageReply, Reply
from .scenarios import Scenario
from .scenarios import get as get_scenario
from .validation import ApiError, check_body, check_headers

UNKNOWN_EVENT = (
    "future_event",
    {"type": "future_event", "note": "an event type this client does not know yet"},
)


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    status: int = 0
    at: float = field(default_factory=time.monotonic)


@dataclass
class Disconnect:
    request_id: str
    events_sent: int
    at: float


class _ClientGoneError(Exception):
    """The client closed the connection."""


class StandIn:
    """Start with ``with StandIn("text") as api:``; point a client at ``api.url``."""

    def __init__(self, scenario: str | Scenario | None = None, *, port: int = 0) -> None:
        self.requests: list[RecordedRequest] = []
        self.disconnects: list[Disconnect] = []
        self.completed: list[str] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._attempt = 0
        self._stopping = threading.Event()
        self._disconnected = threading.Condition(self._lock)
        self.play(scenario)
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._server.daemon_threads = True
        # A short poll interval: stop() waits for the serve loop to notice, once per test.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # -- life cycle -----------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> StandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what tests use -------------------------------------------------------------------
    def play(self, scenario: str | Scenario | None) -> None:
        """Answer the next requests from ``scenario`` (a name, a Scenario, or None for auto)."""
        with self._lock:
            self.scenario = get_scenario(scenario) if isinstance(scenario, str) else scenario
            self._attempt = 0

    @property
    def message_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith("/v1/messages")]

    def wait_for_disconnect(self, timeout: float) -> Disconnect | None:
        with self._disconnected:
            self._disconnected.wait_for(lambda: bool(self.disconnects), timeout)
            return self.disconnects[0] if self.disconnects else None

    # -- internals ------------------------------------------------------------------------
    def _next_request_id(self) -> str:
        """Numbered per server, so golden files stay stable; the message id shares the number."""
        return f"req_standin_{next(self._ids):04d}"

    def _choose(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            attempt = self._attempt
            self._attempt += 1
            scenario = self.scenario
        return auto.reply_for(body) if scenario is None else scenario.reply_for(attempt)

    def _gone(self, request_id: str, sent: int) -> None:
        with self._disconnected:
            self.disconnects.append(Disconnect(request_id, sent, time.monotonic()))
            self._disconnected.notify_all()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(_Handler):
            owner = standin

        return Handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Small SSE writes leave at once, as a streaming service sends them.
    disable_nagle_algorithm = True
    server_version = "standin"
    sys_version = ""
    owner: StandIn

    def log_message(self, format: str, *args: Any) -> None:
        pass

    # -- plumbing -------------------------------------------------------------------------
    def _send_json(
        self,
        status: int,
        payload: dict[str, Any],
        request_id: str,
        extra: tuple[tuple[str, str], ...] = (),
    ) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.send_header("request-id", request_id)
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _send_error(self, error: ApiError | HttpError, request_id: str) -> None:
        status = error.status
        error_type = error.error_type
        extra = error.headers if isinstance(error, HttpError) else ()
        body = {
            "type": "error",
            "error": {"type": error_type, "message": error.message},
            "request_id": request_id,
        }
        self._send_json(status, body, request_id, extra)

    def _record(self, body: Any) -> RecordedRequest:
        headers = {k.lower(): v for k, v in self.headers.items()}
        record = RecordedRequest(self.command, self.path, headers, body)
        with self.owner._lock:
            self.owner.requests.append(record)
        return record

    def _read_body(self) -> bytes:
        length = self.headers.get("content-length", "")
        if not length.isdigit():
            return b""  # no usable length: answered as an unparseable body (400)
        return self.rfile.read(int(length))

    # -- routes ---------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._record(None)
        request_id = self.owner._next_request_id()
        self._send_error(ApiError(404, "not_found_error", f"Not found: {self.path}"), request_id)

    def do_POST(self) -> None:
        raw = self._read_body()
        request_id = self.owner._next_request_id()
        try:
            body: Any = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            body = None
            parse_error = True
        else:
            parse_error = False
        record = self._record(body)
        try:
            if self.path.split("?")[0].rstrip("/") != "/v1/messages":
                raise ApiError(404, "not_found_error", f"Not found: {self.path}")
            version = check_headers(record.headers)
            if parse_error or body is None:
                raise ApiError(
                    400,
                    "invalid_request_error",
                    "There was an error parsing the body of your request",
                )
            check_body(body, version)
        except ApiError as error:
            record.status = error.status
            self._send_error(error, request_id)
            return
        reply = self.owner._choose(body)
        if isinstance(reply, FromRequest):
            reply = reply.compute(body)
        if isinstance(reply, HttpError):
            record.status = reply.status
            self._send_error(reply, request_id)
            return
        record.status = 200
        message_id = request_id.replace("req_", "msg_")
        p = events.plan(
            reply, message_id=message_id, model=body["model"], max_tokens=body["max_tokens"]
        )
        if body.get("stream"):
            self._stream(reply, p, request_id)
        else:
            if not self._wait_as_if_generating(reply, p, request_id):
                return
            self._send_json(200, events.message_json(p), request_id)

    def _wait_as_if_generating(self, reply: MessageReply, p: events.Plan, request_id: str) -> bool:
        """A paced reply answered whole takes as long as its stream would: the real service
        answers a non-streaming request only once the whole reply is generated. False if the
        client left meanwhile."""
        if not (reply.first_event_delay or reply.event_delay):
            return True
        gaps = max(len(events.stream_events(p)) - 1, 0)
        try:
            self._wait(reply.first_event_delay + gaps * reply.event_delay)
        except _ClientGoneError:
            self.owner._gone(request_id, 0)
            self.close_connection = True
            return False
        return True

    # -- streaming ------------------------------------------------------------------------
    def _write_chunk(self, data: bytes) -> None:
        try:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError) as exc:
            raise _ClientGoneError from exc

    def _peer_closed(self) -> bool:
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            if not readable:
                return False
            return self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def _wait(self, seconds: float) -> None:
        """Sleep, but notice a client that leaves (or a server that stops) meanwhile."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self.owner._stopping.is_set():
                raise _ClientGoneError
            if self._peer_closed():
                raise _ClientGoneError
            time.sleep(min(left, 0.02))

    def _send_event(self, name: str, data: dict[str, Any], reply: MessageReply) -> None:
        encoded = sse.encode_event(name, data, reply.framing.newline)
        for piece in sse.split(encoded, reply.framing.chunk_size):
            self._write_chunk(piece)

    def _stream(self, reply: MessageReply, p: events.Plan, request_id: str) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/event-stream; charset=utf-8")
        self.send_header("cache-control", "no-cache")
        self.send_header("transfer-encoding", "chunked")
        self.send_header("request-id", request_id)
        self.end_headers()
        flow = events.stream_events(p)
        if reply.delta_before_start and len(flow) > 2 and flow[2][0] == "content_block_delta":
            flow[1], flow[2] = flow[2], flow[1]
        sent = 0
        try:
            if reply.first_event_delay:
                self._wait(reply.first_event_delay)
            for index, (name, data) in enumerate(flow):
                if reply.cut and reply.cut.after_events == index:
                    self._cut(reply.cut, reply, name, data)
                    return
                for pause in reply.pauses:
                    if pause.after_events == index:
                        self._pause(pause.seconds, pause.ping_every, reply)
                if index in reply.pings:
                    self._send_event("ping", {"type": "ping"}, reply)
                if index in reply.unknown_events:
                    self._send_event(*UNKNOWN_EVENT, reply)
                if reply.event_delay and index:
                    self._wait(reply.event_delay)
                self._send_event(name, data, reply)
                sent += 1
            self._write_chunk(b"")
            with self.owner._lock:
                self.owner.completed.append(request_id)
        except _ClientGoneError:
            self.owner._gone(request_id, sent)
            self.close_connection = True

    def _pause(self, seconds: float, ping_every: float | None, reply: MessageReply) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            step = min(left, ping_every) if ping_every else left
            self._wait(step)
            if ping_every and deadline - time.monotonic() > 0:
                self._send_event("ping", {"type": "ping"}, reply)

    def _cut(self, cut: Cut, reply: MessageReply, name: str, data: dict[str, Any]) -> None:
        self.close_connection = True
        if cut.kind == "drop":
            whole = sse.encode_event(name, data, reply.framing.newline)
            size = len(whole) // 2 if cut.partial_bytes is None else cut.partial_bytes
            if size:
                self._write_chunk(whole[:size])
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if cut.kind == "error":
            error = {
                "type": "error",
                "error": {"type": cut.error_type, "message": cut.error_message},
            }
            self._send_event("error", error, reply)
        elif cut.kind == "stall":
            self._wait(cut.stall_seconds)
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._write_chunk(b"")
