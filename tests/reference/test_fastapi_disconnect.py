"""When does a browser that leaves close the FastAPI relay's upstream stream? It depends.

FastAPI's own ``EventSourceResponse`` (0.163) runs the path operation's generator in a producer
task that hands each event on through a one-event buffer. When the client disconnects, FastAPI
cancels that task. If the generator is waiting for Claude's next event, the cancellation lands
on that ``await`` inside ``async with client.messages.stream(...)``, which closes the upstream
response at once. If instead the generator is paused at a ``yield`` because the client stopped
reading (the buffer is full), the cancellation lands on the buffer's ``send`` and the generator
is left suspended: nothing closes the upstream, and the reply is generated to its end. The
FastAPI relay page says both; these tests hold it to what the installed FastAPI does, so an
upgrade that changes either case fails here first.

The relay runs in-process as an ASGI app (no server), so the test decides exactly when the
client reads, stops reading and leaves.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from standin import StandIn
from tests.reference.markdown import page
from tests.support.event_loop import run_in_fresh_thread
from tests.support.paths import SNIPPETS
from tests.support.relay import load_app_module

APP = SNIPPETS / "fastapi-relay" / "app.py"
SCENARIO = "slow_story"  # one event every 50 ms: Claude is faster than a stalled client
LEAVE_AFTER = 0.6  # seconds of streaming before the client goes
CLOSE_WITHIN = 1.0  # seconds from leaving to the upstream closing, when it closes


async def _visit(app: Any, api: StandIn, stop_reading_after: int | None) -> float | None:
    """GET /stream as a client that reads every event, or stops reading after
    ``stop_reading_after`` body messages; leave after ``LEAVE_AFTER`` s. Returns how long after
    leaving the upstream closed (None: not within ``CLOSE_WITHIN``), measured while the event
    loop still runs, as a server's does."""
    left = asyncio.Event()
    bodies: list[bytes] = []
    asked = False

    async def receive() -> dict[str, Any]:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await left.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] != "http.response.body":
            return
        bodies.append(message.get("body", b""))
        if stop_reading_after is not None and len(bodies) >= stop_reading_after:
            await asyncio.Event().wait()  # the client no longer takes anything

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/stream",
        "raw_path": b"/stream",
        "query_string": b"prompt=Tell+me+a+story",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "root_path": "",
    }
    task = asyncio.create_task(app(scope, receive, send))
    await asyncio.sleep(LEAVE_AFTER)
    gone_at = time.monotonic()
    left.set()
    # FastAPI may end the request with an error of its own (a closed buffer): not this test's
    # subject, which is the upstream.
    await asyncio.wait([task], timeout=5)
    assert task.done(), "the app did not return after the client left"
    gone = await asyncio.to_thread(api.wait_for_disconnect, CLOSE_WITHIN)
    return None if gone is None else gone.at - gone_at


def _leave(api: StandIn, stop_reading_after: int | None) -> float | None:
    app = load_app_module(APP, api.url).app
    return run_in_fresh_thread(_visit(app, api, stop_reading_after))


def test_a_client_that_reads_then_leaves_closes_the_upstream_at_once() -> None:
    with StandIn(SCENARIO) as api:
        closed_after = _leave(api, stop_reading_after=None)
        assert closed_after is not None, f"the upstream stayed open {CLOSE_WITHIN} s after"


def test_a_client_that_stopped_reading_leaves_the_upstream_to_run_to_its_end() -> None:
    with StandIn(SCENARIO) as api:
        closed_after = _leave(api, stop_reading_after=2)
        assert closed_after is None, (
            f"the upstream closed {closed_after:.2f} s after the client left: FastAPI now "
            "closes a generator paused at yield; update the FastAPI relay page"
        )


@pytest.mark.parametrize(
    "said",
    [
        "paused at a `yield`",  # the case where the upstream stays open
        "[Many streams at once](many-streams.md)",  # where the guaranteed close is shown
    ],
)
def test_the_relay_page_states_the_condition(said: str) -> None:
    text = " ".join(page("guides/fastapi-relay.md").split())
    assert said in text, f"the FastAPI relay page does not say {said!r}"
