"""One request and its answer, from the parsed request line to the last byte sent.

An ``Exchange`` is made for each request a connection carries, so what belongs to one request
(the door it came through, its id) cannot outlive it. It records through ``StandIn``'s
recording interface only (``record_request``, ``choose_reply``, ``record_completed``, ...).
"""

from __future__ import annotations

import json
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from . import caching, events, fit, gce_metadata, ids, platforms, response_headers
from .body import BodyRefusedError, drain, parse, read
from .line import ClientGoneError, Line
from .recording import RecordedRequest
from .registry import ASSUMED, rule
from .replies import FromRequest, HttpError, MessageReply
from .rules.headers import api_key
from .streaming import Stream
from .validation import ApiError, check_body, check_headers

if TYPE_CHECKING:
    from .server import StandIn

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

Refusal = ApiError | HttpError | platforms.PlatformError


def client_of(headers: dict[str, str]) -> str:
    """Who sent a request, for keeping scenario state apart: the ``x-standin-client`` header
    when the client sends one, else its API key (``x-api-key`` or ``Authorization: Bearer``)."""
    return headers.get("x-standin-client") or api_key(headers) or ""


class Exchange:
    """One request on ``conn`` (the connection's handler), answered for ``owner``."""

    def __init__(self, conn: BaseHTTPRequestHandler, owner: StandIn) -> None:
        self.conn = conn
        self.owner = owner
        self.line = Line(conn.wfile, conn.connection, lambda: owner.stopping)
        # The cloud platform whose door the request came through (platforms.py), None for the API.
        self.platform: platforms.Platform | None = None
        self.request_id = ""

    # -- plumbing -------------------------------------------------------------------------
    @property
    def headers(self) -> dict[str, str]:
        return {k.lower(): v for k, v in self.conn.headers.items()}

    @property
    def is_messages(self) -> bool:
        return self.conn.path.split("?")[0].rstrip("/") == MESSAGES_PATH

    def close(self) -> None:
        """Close the connection after this request (the client must not reuse it)."""
        self.conn.close_connection = True

    def record(self, body: Any) -> RecordedRequest:
        return self.owner.record_request(self.conn.command, self.conn.path, self.headers, body)

    def identity_headers(self) -> list[tuple[str, str]]:
        """The request id and rate-limit headers; Bedrock sends its own request id instead."""
        if self.platform == "bedrock":
            return [("x-amzn-requestid", self.request_id)]
        rate_limits = response_headers.rate_limits(len(self.owner.requests))
        return [("request-id", self.request_id), *rate_limits]

    def send_json(
        self, status: int, payload: dict[str, Any], extra: tuple[tuple[str, str], ...] = ()
    ) -> None:
        conn, data = self.conn, json.dumps(payload).encode()
        conn.send_response(status)
        conn.send_header("content-type", "application/json")
        conn.send_header("content-length", str(len(data)))
        extra = (*self.identity_headers(), *response_headers.retry_hint(status), *extra)
        for name, value in extra:
            conn.send_header(name, value)
        if conn.close_connection:
            conn.send_header("connection", "close")  # so the client does not reuse it
        conn.end_headers()
        conn.wfile.write(data)

    def send_stream_head(self) -> None:
        conn = self.conn
        conn.send_response(200)
        if self.platform == "bedrock":
            conn.send_header("content-type", "application/vnd.amazon.eventstream")
            conn.send_header("x-amzn-bedrock-content-type", "application/json")
        else:
            conn.send_header("content-type", "text/event-stream; charset=utf-8")
            conn.send_header("cache-control", "no-cache")
        conn.send_header("transfer-encoding", "chunked")
        for name, value in self.identity_headers():
            conn.send_header(name, value)
        conn.end_headers()

    # -- refusals -------------------------------------------------------------------------
    def _note_refusal(self, error: Refusal) -> None:
        """Keep the rule a refusal names; a scenario's HTTP error names none."""
        rule_id = getattr(error, "rule", "")
        if rule_id:
            self.owner.record_refusal(rule_id)

    def send_platform_error(self, error: platforms.PlatformError) -> None:
        self._note_refusal(error)
        self.send_json(error.status, error.body, error.headers)

    def send_error(self, error: ApiError | HttpError) -> None:
        if self.platform is not None:
            as_api = ApiError(
                error.status,
                error.error_type,
                error.message,
                error.headers,
                rule=getattr(error, "rule", ""),
            )
            translated = platforms.as_platform_error(self.platform, as_api, self.conn.path)
            if translated is not None:
                self.send_platform_error(translated)
                return
        self._note_refusal(error)
        body = {
            "type": "error",
            "error": {"type": error.error_type, "message": error.message},
            "request_id": self.request_id,
        }
        self.send_json(error.status, body, error.headers)

    def refuse(self, record: RecordedRequest, error: Refusal) -> None:
        record.status = error.status
        if isinstance(error, platforms.PlatformError):
            self.send_platform_error(error)
        else:
            self.send_error(error)

    def refuse_malformed(self, code: int, message: str | None) -> None:
        """The standard library's own refusals (a malformed request line, an unsupported
        method) in the API's JSON shape, never as an HTML page."""
        self.close()
        error_type = {404: "not_found_error", 413: "request_too_large"}.get(
            code, "invalid_request_error"
        )
        reason = message or self.conn.responses.get(code, ("",))[0]
        error = replace(MALFORMED_HTTP.error(reason=reason), status=code, error_type=error_type)
        if self.conn.command == "HEAD":
            self.conn.send_response(code)
            self.conn.send_header("content-length", "0")
            self.conn.end_headers()
            return
        self.request_id = self.owner.next_request_id()
        self.send_error(error)

    # -- routes ---------------------------------------------------------------------------
    def get(self) -> None:
        if gce_metadata.is_metadata(self.conn.path):
            self.metadata()
            return
        self.not_allowed()

    def not_allowed(self) -> None:
        """Any method but POST: 405 on the Messages path (``NOT_POST``), 404 elsewhere."""
        record = self.record(None)
        self.request_id = self.owner.next_request_id()
        if self.is_messages:
            error = NOT_POST.error(
                headers=(("allow", "POST"),), method=self.conn.command, path=MESSAGES_PATH
            )
        else:
            error = UNKNOWN_PATH.error(path=self.conn.path)
        self.close()  # a body the client may have sent was not read
        self.refuse(record, error)

    def metadata(self) -> None:
        """Google's metadata server, for Application Default Credentials (gce_metadata.py)."""
        conn, record = self.conn, self.record(None)
        status, content_type, data = gce_metadata.answer(conn.path, record.headers)
        record.status = status
        conn.send_response(status)
        conn.send_header(*gce_metadata.FLAVOR)
        conn.send_header("content-type", content_type)
        conn.send_header("content-length", str(len(data)))
        conn.end_headers()
        conn.wfile.write(data)

    def post(self) -> None:
        limits = self.owner.limits
        try:
            raw = read(self.headers, self.conn.rfile, self.conn.connection, limits)
        except BodyRefusedError as refused:
            self.close()
            record = self.record(None)
            self.request_id = self.owner.next_request_id()
            self.refuse(record, refused.error)
            drain(self.conn.rfile, self.conn.connection, refused.unread, limits.body_timeout)
            return
        self.request_id = self.owner.next_request_id()
        try:
            body: Any = parse(raw)
        except ApiError as error:
            body, parse_error = None, error
        else:
            parse_error = None
        record = self.record(body)
        try:
            body = self.checked(record, body, parse_error)
        except (platforms.PlatformError, ApiError) as refusal:
            self.refuse(record, refusal)
            return
        self.answer(body, record)

    def checked(
        self, record: RecordedRequest, body: Any, parse_error: ApiError | None
    ) -> dict[str, Any]:
        """The request's body as the Messages API takes it, once the door it came through
        (the API, or a platform's) accepts its path, headers and body."""
        self.platform = platforms.platform_of(self.conn.path)
        if self.platform is not None:
            if parse_error:
                raise parse_error
            routed = platforms.translate(self.platform, self.conn.path, record.headers, body)
            body, version = routed.body, routed.version
        else:
            if not self.is_messages:
                raise UNKNOWN_PATH.error(path=self.conn.path)
            version = check_headers(record.headers)
            if parse_error:
                raise parse_error
        check_body(body, version)
        return body

    def answer(self, body: dict[str, Any], record: RecordedRequest) -> None:
        client = client_of(record.headers)
        reply = self.owner.choose_reply(body, client)
        if isinstance(reply, FromRequest):
            reply = reply.compute(body)
        if isinstance(reply, HttpError):
            record.status = reply.status
            self.send_error(reply)
            return
        record.status = 200
        record.request_id = self.request_id
        message_id = ids.message_id(self.request_id)
        asked = events.asked_from(body, seed=self.request_id)
        asked = replace(asked, input_tokens=caching.input_tokens(body, asked.input_tokens))
        cache = self.owner.prompt_cache.use(client, body, asked.input_tokens)
        asked = replace(asked, cache=cache)
        plan = events.plan(reply, message_id=message_id, model=body["model"], asked=asked)
        record.plan = plan
        record.mismatches = fit.mismatches(body, reply)
        if body.get("stream"):
            Stream(self, reply, plan).send()
        elif self.wait_as_if_generating(reply, plan):
            self.send_json(200, events.message_json(plan))

    def wait_as_if_generating(self, reply: MessageReply, plan: events.Plan) -> bool:
        """A paced reply answered whole takes as long as its stream would: the real service
        answers a non-streaming request only once the whole reply is generated. False if the
        client left meanwhile."""
        if not (reply.first_event_delay or reply.event_delay):
            return True
        gaps = max(len(events.stream_events(plan)) - 1, 0)
        try:
            self.line.wait(reply.first_event_delay + gaps * reply.event_delay)
        except ClientGoneError:
            self.owner.record_disconnect(self.request_id, 0)
            self.close()
            return False
        return True
