"""The stand-in in a process of its own, steered over stdin, for clean client-side timings.

Run by ``remote.RemoteStandIn``, never by hand. Keeping the server out of the benchmark's
process means the client's CPU time (``time.process_time``) holds only the client's work, and
the two never compete for one interpreter lock. Protocol, one JSON object a line:

- ``{"play": {"tokens": N, "first_event_delay": s, "event_delay": s}}`` answers ``"ok"``;
- ``{"sent": true}`` answers the list of ``time.monotonic()`` instants at which each text
  delta was handed to the socket since the last ``play``, and forgets them;
- ``{"status": true}`` answers how many requests, finished streams and streams the client
  left early it has seen since it started: ``{"requests": n, "completed": n, "disconnects": n}``.

The first line written is the stand-in's URL. End of stdin stops it.
"""

from __future__ import annotations

import dataclasses
import json
import socketserver
import sys
import time
from typing import Any

from standin import StandIn
from standin.replies import MessageReply, text
from standin.scenarios import Scenario


def chunk(index: int) -> str:
    """The text of the ``index``-th token: distinct, so a receiver can tell which arrived."""
    return f" w{index:04d}"


def paced_reply(tokens: int, first_event_delay: float, event_delay: float) -> MessageReply:
    """A reply of ``tokens`` text chunks, paced like a model: a wait before the first event
    (time to first token) and a gap between events (1 / tokens per second)."""
    reply = text(*(chunk(i) for i in range(tokens)))
    return dataclasses.replace(reply, first_event_delay=first_event_delay, event_delay=event_delay)


class TimedStandIn(StandIn):
    """The stand-in paced to a schedule (``scheduled_pacing``), noting when each text delta
    leaves it, so a client's arrival times can be set against the send times."""

    def __init__(self) -> None:
        self.sent_at: list[float] = []
        super().__init__(None, scheduled_pacing=True, on_event=self._note)
        self._server.handle_error = self._client_error  # type: ignore[method-assign]

    def _client_error(self, request: object, client_address: object) -> None:
        """A client that resets its connection (a relay closing an upstream stream early, by
        design in the load run) is not an error worth a traceback on stderr."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            socketserver.BaseServer.handle_error(self._server, request, client_address)  # type: ignore[arg-type]

    def _note(self, name: str, data: dict[str, Any]) -> None:
        if name == "content_block_delta" and data["delta"].get("type") == "text_delta":
            self.sent_at.append(time.monotonic())


def _answer(api: TimedStandIn, command: dict[str, Any]) -> Any:
    if "play" in command:
        options = command["play"]
        reply = paced_reply(
            int(options["tokens"]),
            float(options.get("first_event_delay", 0.0)),
            float(options.get("event_delay", 0.0)),
        )
        api.play(Scenario("benchmark reply", (reply,)))
        api.sent_at.clear()
        return "ok"
    if command.get("sent"):
        sent = list(api.sent_at)
        api.sent_at.clear()
        return sent
    if command.get("status"):
        return {
            "requests": len(api.message_requests),
            "completed": len(api.completed),
            "disconnects": len(api.disconnects),
        }
    return {"error": f"unknown command {command!r}"}


def main() -> int:
    with TimedStandIn() as api:
        print(api.url, flush=True)
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(_answer(api, json.loads(line))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
