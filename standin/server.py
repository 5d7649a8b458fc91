"""A local stand-in for the Claude Messages API: a real HTTP/1.1 server on 127.0.0.1.

It validates requests as the real service does (``validation.py``), answers from a scenario
(streamed as SSE over chunked transfer encoding, or as one JSON Message), records every
request, and notices when a client goes away mid-stream, so tests can prove an example
closed its connection.
"""

from __future__ import annotations

import itertools
import json
import random
import select
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from . import (
    auto,
    caching,
    events,
    eventstream,
    fit,
    gce_metadata,
    platforms,
    response_headers,
    sse,
)
from .body import BodyRefusedError, Limits, drain, parse, read
from .registry import ASSUMED, rule
from .replies import Cut, FromRequest, HttpError, MessageReply, Reply
from .rules.headers import api_key
from .scenarios import Scenario
from .scenarios import get as get_scenario
from .validation import ApiError, check_body, check_headers

# The listen backlog: connections the kernel holds while every handler thread is busy starting
# up. The socketserver default (5) drops or delays the rest when many clients connect at once.
LISTEN_BACKLOG = 1024
MESSAGES_PATH = "/v1/messages"

NOT_POST = rule(
    "server.not_post",
    "Any method but POST on the Messages path: 405, with ``allow: POST``.",
    ASSUMED,
    "Method {method} is not allowed on {path}; use POST",
    status=405,
    note='405 is a 4XX the errors page does not list; it says invalid_request_error "may also '
    'be used for other 4XX status codes" (docs.anthropic.com/en/api/errors).',
)
UNKNOWN_PATH = rule(
    "server.unknown_path",
    "A path the service does not serve.",
    "doc: https://docs.anthropic.com/en/api/errors",
    "Not found: {path}",
    wording=ASSUMED,
    status=404,
    error_type="not_found_error",
)
MALFORMED_HTTP = rule(
    "server.malformed_http",
    "A request the HTTP server itself refuses (a malformed request line, an unsupported "
    "method), answered in the API's JSON shape.",
    ASSUMED,
    "{reason}",
    note="The status and reason are the standard library's (http.server).",
)

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
    # The answer planned for it (None for a refusal): what a test compares the output with.
    plan: events.Plan | None = None
    # Why the real API could not have given this answer to this request (``fit.py``).
    mismatches: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text of the reply's text blocks, as far as ``max_tokens`` let it go."""
        if self.plan is None:
            return ""
        return "".join(
            b.final.get("text", "") for b in self.plan.blocks if b.final["type"] == "text"
        )


@dataclass
class Disconnect:
    request_id: str
    events_sent: int
    at: float


class _ClientGoneError(Exception):
    """The client closed the connection."""


class _Server(ThreadingHTTPServer):
    """One thread per connection, and room in the backlog for many clients at once."""

    request_queue_size = LISTEN_BACKLOG
    daemon_threads = True


def client_of(headers: dict[str, str]) -> str:
    """Who sent a request, for keeping scenario state apart: the ``x-standin-client`` header
    when the client sends one, else its API key (``x-api-key`` or ``Authorization: Bearer``)."""
    return headers.get("x-standin-client") or api_key(headers) or ""


class StandIn:
    """Start with ``with StandIn("text") as api:``; point a client at ``api.url``.

    A scenario's script ("429, then a stream") is followed per client: each client has its own
    attempt counter, keyed by the ``x-standin-client`` header when a request carries one and by
    its API key otherwise (see ``client_of``). Parallel tests that share one stand-in therefore
    cannot take each other's turn, as long as each sends its own key or client header.
    ``limits`` bounds request bodies (size, and the time they may take to arrive).

    Two settings serve measurement (the benchmark): ``scheduled_pacing`` keeps a paced reply's
    waits to a schedule (event *k* is due at the first delay plus *k* gaps, so the overshoot of
    each sleep does not add up over a long reply), and ``on_event`` is called with each event's
    name and data as it leaves.
    """

    def __init__(
        self,
        scenario: str | Scenario | None = None,
        *,
        port: int = 0,
        limits: Limits | None = None,
        scheduled_pacing: bool = False,
        on_event: Callable[[str, dict[str, Any]], None] | None = None,
    ) -> None:
        self.scheduled_pacing = scheduled_pacing
        self.on_event = on_event
        self.requests: list[RecordedRequest] = []
        self.disconnects: list[Disconnect] = []
        self.completed: list[str] = []
        # The id of the rule behind each refusal sent (``registry.py``), in order.
        self.refusals: list[str] = []
        self.limits = limits or Limits()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._attempts: dict[str, int] = {}
        self._stopping = threading.Event()
        # Notified when a stream ends, sent whole or left by its client.
        self._stream_ended = threading.Condition(self._lock)
        # Prefixes marked with cache_control, per client, as the service caches them.
        self.prompt_cache = caching.PromptCache()
        self.play(scenario)
        self._server = _Server(("127.0.0.1", port), self._handler_class())
        # A short poll interval: stop() waits for the serve loop to notice, once per test
        # (the suite starts over a thousand stand-ins: 50 ms each would add up to a minute).
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
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
            self._attempts = {}

    @property
    def message_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith(MESSAGES_PATH)]

    def wait_for_disconnect(self, timeout: float) -> Disconnect | None:
        with self._stream_ended:
            self._stream_ended.wait_for(lambda: bool(self.disconnects), timeout)
            return self.disconnects[0] if self.disconnects else None

    def wait_for_completion(self, timeout: float, count: int = 1) -> bool:
        """Whether ``count`` streams were sent whole within ``timeout`` seconds. The client may
        read the last bytes and exit before this server's thread has marked its stream done."""
        with self._stream_ended:
            return self._stream_ended.wait_for(lambda: len(self.completed) >= count, timeout)

    # -- internals ------------------------------------------------------------------------
    def _next_request_id(self) -> str:
        """Numbered per server, so golden files stay stable; the message id shares the number."""
        return f"req_standin_{next(self._ids):04d}"

    def _choose(self, body: dict[str, Any], client: str) -> Reply:
        """The reply to ``client``'s next request: its own next step in the scenario."""
        with self._lock:
            attempt = self._attempts.get(client, 0)
            self._attempts[client] = attempt + 1
            scenario = self.scenario
        return auto.reply_for(body) if scenario is None else scenario.reply_for(attempt)

    def _gone(self, request_id: str, sent: int) -> None:
        with self._stream_ended:
            self.disconnects.append(Disconnect(request_id, sent, time.monotonic()))
            self._stream_ended.notify_all()

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
    # The cloud platform whose door the request came through (platforms.py), None for the API.
    _platform: platforms.Platform | None = None

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
        extra = (*self._identity_headers(request_id), *response_headers.retry_hint(status), *extra)
        for name, value in extra:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("connection", "close")  # so the client does not reuse it
        self.end_headers()
        self.wfile.write(data)

    def _service_headers(self) -> list[tuple[str, str]]:
        return response_headers.rate_limits(len(self.owner.requests))

    def _identity_headers(self, request_id: str) -> list[tuple[str, str]]:
        """The request id and rate-limit headers; Bedrock sends its own request id instead."""
        if self._platform == "bedrock":
            return [("x-amzn-requestid", request_id)]
        return [("request-id", request_id), *self._service_headers()]

    def _note_refusal(self, error: ApiError | HttpError | platforms.PlatformError) -> None:
        """Keep the rule a refusal names; a scenario's HTTP error names none."""
        rule_id = getattr(error, "rule", "")
        if rule_id:
            with self.owner._lock:
                self.owner.refusals.append(rule_id)

    def _send_platform_error(self, error: platforms.PlatformError, request_id: str) -> None:
        self._note_refusal(error)
        self._send_json(error.status, error.body, request_id, error.headers)

    def _send_error(self, error: ApiError | HttpError, request_id: str) -> None:
        if self._platform is not None:
            as_api = ApiError(
                error.status,
                error.error_type,
                error.message,
                error.headers,
                rule=getattr(error, "rule", ""),
            )
            translated = platforms.as_platform_error(self._platform, as_api, self.path)
            if translated is not None:
                self._send_platform_error(translated, request_id)
                return
        self._note_refusal(error)
        body = {
            "type": "error",
            "error": {"type": error.error_type, "message": error.message},
            "request_id": request_id,
        }
        self._send_json(error.status, body, request_id, error.headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The standard library's own refusals (a malformed request line, an unsupported
        method) in the API's JSON shape, never as an HTML page."""
        self._platform = None
        self.close_connection = True
        error_type = {404: "not_found_error", 413: "request_too_large"}.get(
            code, "invalid_request_error"
        )
        reason = message or self.responses.get(code, ("",))[0]
        error = replace(MALFORMED_HTTP.error(reason=reason), status=code, error_type=error_type)
        if self.command == "HEAD":
            self.send_response(code)
            self.send_header("content-length", "0")
            self.end_headers()
            return
        self._send_error(error, self.owner._next_request_id())

    def _record(self, body: Any) -> RecordedRequest:
        headers = {k.lower(): v for k, v in self.headers.items()}
        record = RecordedRequest(self.command, self.path, headers, body)
        with self.owner._lock:
            self.owner.requests.append(record)
        return record

    def _refuse(self, record: RecordedRequest, error: ApiError, request_id: str) -> None:
        record.status = error.status
        self._send_error(error, request_id)

    @property
    def _is_messages(self) -> bool:
        return self.path.split("?")[0].rstrip("/") == MESSAGES_PATH

    # -- routes ---------------------------------------------------------------------------
    def _not_allowed(self) -> None:
        """Any method but POST: 405 on the Messages path (``NOT_POST``), 404 elsewhere."""
        self._platform = None  # not a platform's door, whatever came before on this connection
        record = self._record(None)
        request_id = self.owner._next_request_id()
        if self._is_messages:
            error = NOT_POST.error(
                headers=(("allow", "POST"),), method=self.command, path=MESSAGES_PATH
            )
        else:
            error = UNKNOWN_PATH.error(path=self.path)
        self.close_connection = True  # a body the client may have sent was not read
        self._refuse(record, error, request_id)

    def do_GET(self) -> None:
        if gce_metadata.is_metadata(self.path):
            self._metadata()
            return
        self._not_allowed()

    def _metadata(self) -> None:
        """Google's metadata server, for Application Default Credentials (gce_metadata.py)."""
        record = self._record(None)
        status, content_type, data = gce_metadata.answer(self.path, record.headers)
        record.status = status
        self.send_response(status)
        self.send_header(*gce_metadata.FLAVOR)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_PUT(self) -> None:
        self._not_allowed()

    def do_DELETE(self) -> None:
        self._not_allowed()

    def do_PATCH(self) -> None:
        self._not_allowed()

    def do_OPTIONS(self) -> None:
        self._not_allowed()

    def do_POST(self) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        limits = self.owner.limits
        try:
            raw = read(headers, self.rfile, self.connection, limits)
        except BodyRefusedError as refused:
            self.close_connection = True
            self._refuse(self._record(None), refused.error, self.owner._next_request_id())
            drain(self.rfile, self.connection, refused.unread, limits.body_timeout)
            return
        request_id = self.owner._next_request_id()
        try:
            body: Any = parse(raw)
        except ApiError as error:
            body, parse_error = None, error
        else:
            parse_error = None
        record = self._record(body)
        self._platform = platforms.platform_of(self.path)
        try:
            if self._platform is not None:
                if parse_error:
                    raise parse_error
                routed = platforms.translate(self._platform, self.path, record.headers, body)
                body, version = routed.body, routed.version
            else:
                if not self._is_messages:
                    raise UNKNOWN_PATH.error(path=self.path)
                version = check_headers(record.headers)
                if parse_error:
                    raise parse_error
            check_body(body, version)
        except platforms.PlatformError as refusal:
            record.status = refusal.status
            self._send_platform_error(refusal, request_id)
            return
        except ApiError as error:
            self._refuse(record, error, request_id)
            return
        self._answer(body, record, request_id)

    def _answer(self, body: dict[str, Any], record: RecordedRequest, request_id: str) -> None:
        reply = self.owner._choose(body, client_of(record.headers))
        if isinstance(reply, FromRequest):
            reply = reply.compute(body)
        if isinstance(reply, HttpError):
            record.status = reply.status
            self._send_error(reply, request_id)
            return
        record.status = 200
        message_id = request_id.replace("req_", "msg_")
        asked = events.asked_from(body, seed=request_id)
        asked = replace(asked, input_tokens=caching.input_tokens(body, asked.input_tokens))
        cache = self.owner.prompt_cache.use(client_of(record.headers), body, asked.input_tokens)
        asked = replace(asked, cache=cache)
        p = events.plan(reply, message_id=message_id, model=body["model"], asked=asked)
        record.plan = p
        record.mismatches = fit.mismatches(body, reply)
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

    def _pace(self, seconds: float, due: float) -> float:
        """Wait ``seconds`` (or until ``due + seconds`` when pacing to a schedule); return
        the new due time."""
        if not self.owner.scheduled_pacing:
            self._wait(seconds)
            return time.monotonic()
        due += seconds
        self._wait(max(due - time.monotonic(), 0.0))
        return due

    def _encode(self, name: str, data: dict[str, Any], reply: MessageReply) -> bytes:
        """One event as the door it is sent through frames it: SSE, or Bedrock's event-stream."""
        if self._platform == "bedrock":
            return eventstream.chunk(data)
        return sse.encode_event(name, data, reply.framing.newline)

    def _send_event(self, name: str, data: dict[str, Any], reply: MessageReply) -> None:
        encoded = self._encode(name, data, reply)
        if reply.framing.split_seed is not None:
            pieces = sse.split_at_random(encoded, self._splits)
        else:
            pieces = sse.split(encoded, reply.framing.chunk_size)
        for piece in pieces:
            self._write_chunk(piece)

    def _stream(self, reply: MessageReply, p: events.Plan, request_id: str) -> None:
        self.send_response(200)
        if self._platform == "bedrock":
            self.send_header("content-type", "application/vnd.amazon.eventstream")
            self.send_header("x-amzn-bedrock-content-type", "application/json")
        else:
            self.send_header("content-type", "text/event-stream; charset=utf-8")
            self.send_header("cache-control", "no-cache")
        self.send_header("transfer-encoding", "chunked")
        for name, value in self._identity_headers(request_id):
            self.send_header(name, value)
        self.end_headers()
        flow = events.stream_events(p)
        if reply.unknown_fields:
            flow = events.with_unknown_fields(flow)
        self._splits = random.Random(reply.framing.split_seed)
        if reply.delta_before_start and len(flow) > 2 and flow[2][0] == "content_block_delta":
            flow[1], flow[2] = flow[2], flow[1]
        sent = 0
        try:
            due = time.monotonic()
            if reply.first_event_delay:
                due = self._pace(reply.first_event_delay, due)
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
                    due = self._pace(reply.event_delay, due)
                self._send_event(name, data, reply)
                if self.owner.on_event is not None:
                    self.owner.on_event(name, data)
                sent += 1
            self._write_chunk(b"")
            with self.owner._stream_ended:
                self.owner.completed.append(request_id)
                self.owner._stream_ended.notify_all()
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
            whole = self._encode(name, data, reply)
            size = len(whole) // 2 if cut.partial_bytes is None else cut.partial_bytes
            if size:
                self._write_chunk(whole[:size])
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if cut.kind == "error" and self._platform == "bedrock":
            kind = platforms.BEDROCK_STREAM_ERRORS.get(cut.error_type, "internalServerException")
            self._write_chunk(eventstream.exception(kind, cut.error_message))
        elif cut.kind == "error":
            # Real error events carry "details": null beside the type and message (as recorded).
            error = {
                "type": "error",
                "error": {"type": cut.error_type, "message": cut.error_message, "details": None},
            }
            self._send_event("error", error, reply)
        elif cut.kind == "stall":
            self._wait(cut.stall_seconds)
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._write_chunk(b"")
