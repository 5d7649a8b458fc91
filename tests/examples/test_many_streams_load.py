"""A bounded load run through the many-streams relay (``snippets/many-streams/app.py``).

The relay runs under uvicorn on a real socket, in front of the stand-in, with a limit of
``LIMIT`` upstream streams; ``CLIENTS`` clients open their streams at once and one in
``LEAVE_EVERY`` leaves after its first text event, as a closed tab does. Every reader must get
the whole reply, every client that left must have its upstream stream closed before the
stand-in finished sending it, and no upstream stream may be left open. Bounded in count and
time; the figures for 200 clients (wall time, memory) come from the benchmark
(``python -m benchmark --only many-streams``), not from here.
"""

from __future__ import annotations

import asyncio
import json
import time

import httpx2
import pytest

from standin import StandIn
from tests.support.event_loop import run_in_fresh_thread
from tests.support.paths import SNIPPETS
from tests.support.relay import relay_for

APP = SNIPPETS / "many-streams" / "app.py"
CLIENTS = 30
LIMIT = 15
LEAVE_EVERY = 4
SCENARIO = "slow_text"  # the haiku, an event every 100 ms: time to notice who left
SETTLE = 15.0  # at most, for the relay to close what it must and the stand-in to see it


async def _client(http: httpx2.AsyncClient, url: str, leave: bool) -> str:
    """The text one browser received, or ``left`` once it has left after a first piece."""
    text = []
    event = ""
    async with http.stream("GET", f"{url}/stream", params={"prompt": "A haiku?"}) as response:
        assert response.status_code == 200
        async for line in response.aiter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: ") and event == "text":
                if leave:
                    return "left"
                text.append(json.loads(line.removeprefix("data: "))["text"])
            elif line.startswith("data: ") and event in ("done", "failed"):
                return "".join(text) if event == "done" else f"failed: {line}"
    return "cut off: " + "".join(text)


async def _load(url: str) -> list[str]:
    limits = httpx2.Limits(max_connections=CLIENTS + 5)
    async with httpx2.AsyncClient(timeout=30, limits=limits) as http:
        return await asyncio.gather(
            *(_client(http, url, n % LEAVE_EVERY == 0) for n in range(CLIENTS))
        )


def _open_streams(url: str) -> int:
    return int(httpx2.get(f"{url}/streams", timeout=5).json()["open"])


def test_every_reader_gets_its_reply_and_every_leaver_closes_its_upstream(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MAX_STREAMS", str(LIMIT))
    leavers = len(range(0, CLIENTS, LEAVE_EVERY))
    with StandIn(SCENARIO) as api, relay_for(APP, api.url) as url:
        results = run_in_fresh_thread(_load(url))
        deadline = time.monotonic() + SETTLE
        while len(api.completed) + len(api.disconnects) < CLIENTS or _open_streams(url):
            assert time.monotonic() < deadline, (
                f"after {SETTLE} s: {_open_streams(url)} upstream streams open, "
                f"{len(api.completed)} sent whole, {len(api.disconnects)} closed early"
            )
            time.sleep(0.02)
        whole = api.message_requests[0].text
        assert len(api.message_requests) == CLIENTS
        assert results.count("left") == leavers
        readers = [r for r in results if r != "left"]
        assert readers == [whole] * (CLIENTS - leavers), "a reader lacked part of its reply"
        assert len(api.disconnects) == leavers, (
            f"{leavers} clients left, but the stand-in saw {len(api.disconnects)} streams "
            f"closed early and sent {len(api.completed)} whole"
        )
        assert len(api.completed) == CLIENTS - leavers
        assert _open_streams(url) == 0


def test_the_sdk_pool_holds_more_connections_than_the_relay_streams() -> None:
    """Many streams at once says the SDK's pool allows 1,000 connections (100 kept alive), more
    than the relay's default limit, so no stream waits for a connection."""
    from anthropic import _constants

    limits = _constants.DEFAULT_CONNECTION_LIMITS
    assert (limits.max_connections, limits.max_keepalive_connections) == (1000, 100)
    source = APP.read_text(encoding="utf-8")
    default = int(source.split('os.environ.get("MAX_STREAMS", "', 1)[1].split('"', 1)[0])
    assert default <= limits.max_connections


def test_sse_starlette_closes_the_generator_itself_when_the_client_leaves() -> None:
    """Many streams at once says so: sse-starlette calls the body iterator's aclose()."""
    import inspect

    from sse_starlette import sse

    assert "await aclose()" in inspect.getsource(sse.EventSourceResponse)
