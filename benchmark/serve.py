"""The stand-in in a process of its own, steered over stdin, for clean client-side timings.

Run by ``remote.RemoteStandIn``, never by hand. Keeping the server out of the benchmark's
process means the client's CPU time (``time.process_time``) holds only the client's work, and
the two never compete for one interpreter lock. Protocol, one JSON object a line:

- ``{"play": {"tokens": N, "first_event_delay": s, "event_delay": s}}`` answers ``"ok"``;
- ``{"sent": true}`` answers the list of ``time.monotonic()`` instants at which each text
  delta was handed to the socket since the last ``play``, and forgets them.

The first line written is the stand-in's URL. End of stdin stops it.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from http.server import BaseHTTPRequestHandler
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
    """The stand-in, paced to a schedule and noting when each text delta leaves it.

    Two differences from the stand-in the tests use, both so that it times like a real
    service: waits are kept to a schedule (event *k* is due at first delay + *k* gaps, so
    the small overshoot of each sleep does not add up over a thousand events), and small
    writes go out at once (``TCP_NODELAY``) instead of waiting for the client's delayed
    acknowledgement, which would add about 40 ms to some replies.
    """

    def __init__(self) -> None:
        self.sent_at: list[float] = []
        super().__init__(None)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        base: Any = super()._handler_class()
        log = self.sent_at

        class Timed(base):  # type: ignore[misc, valid-type]
            disable_nagle_algorithm = True
            _due: float | None = None

            def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
                self._due = None  # a new request starts a new schedule
                super().do_POST()

            def _wait(self, seconds: float) -> None:
                now = time.monotonic()
                self._due = (now if self._due is None else self._due) + seconds
                if self._due > now:
                    super()._wait(self._due - now)

            def _send_event(self, name: str, data: dict[str, Any], reply: MessageReply) -> None:
                super()._send_event(name, data, reply)
                if name == "content_block_delta" and data["delta"].get("type") == "text_delta":
                    log.append(time.monotonic())

        return Timed


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
