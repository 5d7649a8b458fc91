"""A local stand-in for the Claude Messages API: a real HTTP/1.1 server on 127.0.0.1.

It validates requests as the real service does (``validation.py``), answers from a scenario
(streamed as SSE over chunked transfer encoding, or as one JSON Message), records every
request, and notices when a client goes away mid-stream, so tests can prove an example
closed its connection.

This module holds the server's life cycle and what it records (``StandIn``); each request is
answered by an ``Exchange`` (``exchange.py``), a stream by a ``Stream`` (``streaming.py``),
which record through ``StandIn``'s recording methods and touch nothing else of it.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from . import auto, caching, ids
from .body import Limits
from .exchange import MESSAGES_PATH, Exchange
from .recording import Disconnect, RecordedRequest
from .replies import Reply
from .scenarios import Scenario
from .scenarios import get as get_scenario

__all__ = ["Disconnect", "RecordedRequest", "StandIn"]

# The listen backlog: connections the kernel holds while every handler thread is busy starting
# up. The socketserver default (5) drops or delays the rest when many clients connect at once.
LISTEN_BACKLOG = 1024


class _Server(ThreadingHTTPServer):
    """One thread per connection, and room in the backlog for many clients at once."""

    request_queue_size = LISTEN_BACKLOG
    daemon_threads = True


class StandIn:
    """Start with ``with StandIn("text") as api:``; point a client at ``api.url``.

    A scenario's script ("429, then a stream") is followed per client: each client has its own
    attempt counter, keyed by the ``x-standin-client`` header when a request carries one and by
    its API key otherwise (see ``exchange.client_of``). Parallel tests that share one stand-in therefore
    cannot take each other's turn, as long as each sends its own key or client header.
    ``limits`` bounds request bodies (size, and the time they may take to arrive).
    ``reset(scenario)`` makes it as a fresh one on the same port, for a test after another.

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
        self.limits = limits or Limits()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        # Notified when a stream ends (sent whole or left by its client) and when a request
        # has been answered.
        self._stream_ended = threading.Condition(self._lock)
        self._under_way = 0  # requests being answered now
        self._forget(scenario)
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
            self._set_scenario(scenario)

    def reset(self, scenario: str | Scenario | None, settle: float = 10.0) -> None:
        """Answer from ``scenario`` with nothing recorded, as a fresh stand-in on this port
        would, so one stand-in can serve test after test behind a server that keeps its
        address (a relay started once). It first waits, up to ``settle`` seconds, for the
        requests under way to end, so none of them records into the new test's records; if
        they do not, TimeoutError, and nothing is forgotten."""
        with self._stream_ended:
            if not self._stream_ended.wait_for(lambda: not self._under_way, settle):
                raise TimeoutError(f"{self._under_way} request(s) still under way after {settle} s")
            self._forget(scenario)

    def _forget(self, scenario: str | Scenario | None) -> None:
        """Start the records, the ids, the attempts and the prompt cache afresh. The caller
        holds the lock, or no request can arrive yet (``__init__``)."""
        self._set_scenario(scenario)  # first: an unknown name forgets nothing
        self.requests: list[RecordedRequest] = []
        self.disconnects: list[Disconnect] = []
        self.completed: list[str] = []
        # The id of the rule behind each refusal sent (``registry.py``), in order.
        self.refusals: list[str] = []
        self._ids = itertools.count(1)
        # Prefixes marked with cache_control, per client, as the service caches them.
        self.prompt_cache = caching.PromptCache()

    def _set_scenario(self, scenario: str | Scenario | None) -> None:
        self.scenario = get_scenario(scenario) if isinstance(scenario, str) else scenario
        self._attempts: dict[str, int] = {}

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

    # -- what each request records (exchange.py) ------------------------------------------
    @property
    def stopping(self) -> bool:
        """Whether the server is stopping: a reply that waits ends as if its client had left."""
        return self._stopping.is_set()

    @contextmanager
    def answering(self) -> Iterator[None]:
        """Count a request as under way while it is read and answered (``reset`` waits)."""
        with self._lock:
            self._under_way += 1
        try:
            yield
        finally:
            with self._stream_ended:
                self._under_way -= 1
                self._stream_ended.notify_all()

    def next_request_id(self) -> str:
        """Numbered per server, so golden files stay stable (``ids.py``)."""
        return ids.request_id(next(self._ids))

    def record_request(
        self, method: str, path: str, headers: dict[str, str], body: Any
    ) -> RecordedRequest:
        record = RecordedRequest(method, path, headers, body)
        with self._lock:
            self.requests.append(record)
        return record

    def record_refusal(self, rule_id: str) -> None:
        """The id of the rule (``registry.py``) behind a refusal just sent."""
        with self._lock:
            self.refusals.append(rule_id)

    def choose_reply(self, body: dict[str, Any], client: str) -> Reply:
        """The reply to ``client``'s next request: its own next step in the scenario."""
        with self._lock:
            attempt = self._attempts.get(client, 0)
            self._attempts[client] = attempt + 1
            scenario = self.scenario
        return auto.reply_for(body) if scenario is None else scenario.reply_for(attempt)

    def record_completed(self, request_id: str) -> None:
        """A stream was sent whole."""
        with self._stream_ended:
            self.completed.append(request_id)
            self._stream_ended.notify_all()

    def record_disconnect(self, request_id: str, events_sent: int) -> None:
        """A client left before its reply was sent whole."""
        with self._stream_ended:
            self.disconnects.append(Disconnect(request_id, events_sent, time.monotonic()))
            self._stream_ended.notify_all()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(_Handler):
            owner = standin

        return Handler


class _Handler(BaseHTTPRequestHandler):
    """One connection: each request it carries is answered by a fresh ``Exchange``, so no
    request's state is kept here."""

    protocol_version = "HTTP/1.1"
    # Small SSE writes leave at once, as a streaming service sends them.
    disable_nagle_algorithm = True
    server_version = "standin"
    sys_version = ""
    owner: StandIn

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The standard library's own refusals, in the API's JSON shape (``exchange.py``)."""
        Exchange(self, self.owner).refuse_malformed(code, message)

    def do_GET(self) -> None:
        with self.owner.answering():
            Exchange(self, self.owner).get()

    def do_POST(self) -> None:
        with self.owner.answering():
            Exchange(self, self.owner).post()

    def do_PUT(self) -> None:
        Exchange(self, self.owner).not_allowed()

    def do_DELETE(self) -> None:
        Exchange(self, self.owner).not_allowed()

    def do_PATCH(self) -> None:
        Exchange(self, self.owner).not_allowed()

    def do_OPTIONS(self) -> None:
        Exchange(self, self.owner).not_allowed()
