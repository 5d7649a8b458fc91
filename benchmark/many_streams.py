"""Many browsers at once through one relay (``snippets/many-streams/app.py``).

The relay runs under uvicorn in a process of its own, with its limit on concurrent upstream
streams, in front of the stand-in process, paced like a model. In each round every client
opens its stream at the same moment; one in five leaves after its first text event, as a
closed tab does, and the rest read their reply to the end. A round checks what the page
promises, and fails loudly otherwise: every reader got the whole reply, every client that
left had its upstream stream closed, and no upstream stream is left open. Meanwhile the
relay's resident memory is sampled from ``/proc``; it is read again after the round, to
show whether it returns to where it started.

Run on its own with ``python -m benchmark --only many-streams``: the figures are merged into
the data file without measuring the rest again.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from pathlib import Path
from typing import Any

import httpx2

from . import plain_sse
from .paths import ROOT
from .relay import RelayProcess
from .remote import RemoteStandIn
from .serve import chunk
from .stats import summarise

APP = ROOT / "snippets" / "many-streams" / "app.py"
EXPECTED_LOG = {"socket.send() raised exception."}
LEAVE_EVERY = 5  # one client in this many closes its stream after the first text event
SETTLE_S = 10.0  # how long to wait for the relay to close the streams of clients that left


def rss_kib(pid: int) -> int:
    """The resident memory of process ``pid`` now, in KiB (Linux ``/proc``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


class MemorySampler:
    """The highest resident memory of a process while the ``with`` block runs."""

    def __init__(self, pid: int, every: float = 0.01) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_kib(self.pid))
            self._stop.wait(self.every)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_kib(self.pid))


async def _one_client(http: httpx2.AsyncClient, url: str, leave: bool) -> str:
    """One browser: the text it received, or ``"left"`` once it has left after a first piece."""
    text: list[str] = []
    async with http.stream("GET", url + "/stream", params={"prompt": "Write a poem."}) as response:
        response.raise_for_status()
        async for name, data in _events(response):
            if name == "text":
                if leave:
                    return "left"
                text.append(_text_of(data))
            elif name in ("done", "failed"):
                return "".join(text) if name == "done" else f"failed: {data}"
    return "cut off: " + "".join(text)


async def _events(response: httpx2.Response) -> Any:
    lines = []
    async for line in response.aiter_lines():
        lines.append(line)
        if not line:
            for event in plain_sse.events(lines):
                yield event
            lines = []


def _text_of(data: str) -> str:
    return str(json.loads(data)["text"])


async def _round(url: str, clients: int) -> tuple[list[str], float]:
    limits = httpx2.Limits(max_connections=clients + 10, max_keepalive_connections=clients)
    async with httpx2.AsyncClient(timeout=120, limits=limits) as http:
        started = time.perf_counter()
        results = await asyncio.gather(
            *(_one_client(http, url, n % LEAVE_EVERY == 0) for n in range(clients))
        )
        return list(results), time.perf_counter() - started


def _open_streams(url: str) -> int:
    return int(httpx2.get(url + "/streams", timeout=10).json()["open"])


def _settle(api: RemoteStandIn, url: str, expect_seen: int) -> dict[str, int]:
    """Wait until the relay has closed every stream and the stand-in has seen each end."""
    deadline = time.monotonic() + SETTLE_S
    while True:
        status = api.status()
        ended = status["completed"] + status["disconnects"]
        if (ended >= expect_seen and _open_streams(url) == 0) or time.monotonic() > deadline:
            return {**status, "open": _open_streams(url)}
        time.sleep(0.05)


def measure(
    api: RemoteStandIn,
    clients: int,
    limit: int,
    tokens: int,
    first_event_delay: float,
    event_delay: float,
    rounds: int,
) -> dict[str, Any]:
    """``rounds`` rounds of ``clients`` at once through a relay allowing ``limit`` streams."""
    api.play(tokens, first_event_delay, event_delay)
    whole = "".join(chunk(i) for i in range(tokens))
    leavers = len(range(0, clients, LEAVE_EVERY))
    walls: list[float] = []
    growth: list[float] = []
    problems: list[str] = []
    open_after: list[int] = []
    peak = 0
    with RelayProcess(api.url, app=APP, env={"MAX_STREAMS": str(limit)}) as relay:
        asyncio.run(_round(relay.url, min(clients, limit)))  # warm-up: imports, pools
        _settle(api, relay.url, 0)
        started_at = rss_kib(relay.pid)
        for _ in range(rounds):
            seen_before = api.status()
            before = rss_kib(relay.pid)
            with MemorySampler(relay.pid) as memory:
                results, wall = asyncio.run(_round(relay.url, clients))
            expected = seen_before["completed"] + seen_before["disconnects"] + clients
            seen = _settle(api, relay.url, expected)
            readers = [r for r in results if r != "left"]
            bad = [r[:80] for r in readers if r != whole]
            if bad or len(readers) != clients - leavers:
                problems.append(f"{len(bad)} of {len(readers)} readers lacked the whole reply")
            left = seen["disconnects"] - seen_before["disconnects"]
            if left != leavers:
                problems.append(f"{leavers} clients left; the stand-in saw {left} streams closed")
            walls.append(wall)
            peak = max(peak, memory.peak)
            growth.append((rss_kib(relay.pid) - before) / 1024)
            open_after.append(seen["open"])
        ended_at = rss_kib(relay.pid)
        # asyncio's note on writes to a socket whose client has gone is expected here.
        logged = [ln for ln in relay.log().splitlines() if ln.strip() and ln not in EXPECTED_LOG]
        if logged:
            problems.append(f"the relay logged: {logged[-5:]}")
    if problems or any(open_after):
        raise RuntimeError(f"the load run broke the relay's promises: {problems}, {open_after}")
    reply_s = first_event_delay + (tokens + 4) * event_delay
    waves = -(-clients // limit)
    return {
        "available": True,
        "app": APP.relative_to(ROOT).as_posix(),
        "server": "uvicorn, one worker",
        "clients": clients,
        "limit": limit,
        "leavers": leavers,
        "tokens_per_reply": tokens,
        "first_event_delay_s": first_event_delay,
        "event_delay_s": event_delay,
        "rounds": rounds,
        "ideal_wall_s": round(waves * reply_s, 3),
        "wall_s": summarise(walls, 3),
        "rss_start_mib": round(started_at / 1024, 1),
        "rss_peak_mib": round(peak / 1024, 1),
        "rss_end_mib": round(ended_at / 1024, 1),
        "rss_growth_per_round_mib": summarise(growth, 1),
        "whole_replies_per_round": clients - leavers,
        "upstreams_closed_early_per_round": leavers,
        "upstreams_left_open": max(open_after),
    }
