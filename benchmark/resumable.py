"""Many resumable streams at once (``snippets/resumable-relay/app.py``), a quarter reconnecting.

Two relay processes (uvicorn, each a process of its own) share one Redis (Debian's
redis-server, started here on a loopback port, nothing kept) behind nginx's round robin, with
the page's ``nginx.conf``; the stand-in process is paced like a model. Every client starts its
answer (``POST /answers/<id>``) and reads it; one in four drops its connection part-way and
reads on with ``?after=<last id>``, which nginx sends to the next process. The run counts the
answers that arrived whole with every piece exactly once, the upstream requests per answer
(one is the goal), and samples Redis's ``used_memory`` throughout, then again once every
answer has expired (the relays run with a short ``ANSWER_KEEP_FOR``).

Beside it, the latency each relay adds to an event: the resumable relay (one process, no
nginx) and the plain browser relay, each read by the same client, against the moment the
stand-in sent each chunk (as ``relay.py`` measures the plain relay for the page's table).

Run on its own with ``python -m benchmark --only resumable``.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import threading
import time
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx2
import redis

from tests.support.nginx import nginx_in_front
from tests.support.redis import redis_server
from tests.support.relay_processes import upstream_group

from . import plain_sse
from .paths import ROOT
from .relay import RelayProcess, _arrivals, _latencies_ms
from .relay import read_relay as read_plain_relay
from .remote import RemoteStandIn
from .serve import chunk
from .stats import summarise

APP = ROOT / "snippets" / "resumable-relay" / "app.py"
RECONNECT_EVERY = 4  # one client in this many drops its connection part-way
KEEP_FOR_S = 5  # the relays' ANSWER_KEEP_FOR here, so expiry is seen within the run
EXPIRY_WAIT_S = 30.0  # how long to wait for every answer's keys to expire


class RedisMemory:
    """Redis's ``used_memory`` (bytes) sampled while the ``with`` block runs: its peak."""

    def __init__(self, store: redis.Redis, every: float = 0.05) -> None:
        self.store, self.every, self.peak = store, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def used(self) -> int:
        return int(self.store.info("memory")["used_memory"])

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.used())
            self._stop.wait(self.every)

    def __enter__(self) -> RedisMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.used())


async def _read(
    http: httpx2.AsyncClient, url: str, after: str, drop_after: int | None
) -> tuple[list[tuple[str, str, str]], bool]:
    """(id, event, data) of each event after ``after``; whether the connection was dropped
    (after ``drop_after`` events) rather than ended by the relay."""
    got: list[tuple[str, str, str]] = []
    entry_id = ""
    async with http.stream("GET", url, params={"after": after}) as response:
        response.raise_for_status()
        lines: list[str] = []
        async for line in response.aiter_lines():
            if line.startswith("id:"):
                entry_id = line[3:].strip()
            lines.append(line)
            if line:
                continue
            for name, data in plain_sse.events(lines):
                got.append((entry_id, name, data))
                if name != "text":
                    return got, False
                if drop_after is not None and len(got) == drop_after:
                    return got, True
            lines = []
    return got, False


async def _one_client(
    http: httpx2.AsyncClient, base: str, drop_after: int | None
) -> tuple[str, list[str], int]:
    """One reader: its text, the ids it got in order, and how many connections it used."""
    url = f"{base}/answers/{uuid.uuid4()}"
    (await http.post(url, json={"prompt": "Write a poem."})).raise_for_status()
    ids: list[str] = []
    text: list[str] = []
    connections = 0
    ending = ""
    while not ending:
        connections += 1
        after = ids[-1] if ids else "0-0"
        events, dropped = await _read(http, url, after, drop_after if connections == 1 else None)
        for entry_id, name, data in events:
            ids.append(entry_id)
            if name == "text":
                text.append(plain_sse_text(data))
            else:
                ending = name
        if not dropped and not ending:
            ending = "cut off"
    return ("".join(text) if ending == "done" else ending), ids, connections


def plain_sse_text(data: str) -> str:
    return str(json.loads(data)["text"])


def _each_once(ids: list[str]) -> bool:
    keys = [tuple(int(part) for part in i.split("-")) for i in ids]
    return keys == sorted(set(keys))


async def _round(url: str, clients: int, drop_after: int) -> tuple[list[Any], float]:
    limits = httpx2.Limits(max_connections=clients + 10, max_keepalive_connections=clients)
    async with httpx2.AsyncClient(timeout=120, limits=limits) as http:
        started = time.perf_counter()
        results = await asyncio.gather(
            *(
                _one_client(http, url, drop_after if n % RECONNECT_EVERY == 0 else None)
                for n in range(clients)
            )
        )
        return list(results), time.perf_counter() - started


def _cpu_s(pid: int) -> float:
    """User and system CPU time of process ``pid`` so far, in seconds (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_run(
    api: RemoteStandIn, clients: int, tokens: int, first_event_delay: float, event_delay: float
) -> dict[str, Any]:
    """One round of ``clients`` resumable streams through two relays behind nginx."""
    api.play(tokens, first_event_delay, event_delay)
    whole = "".join(chunk(i) for i in range(tokens))
    drop_after = max(1, tokens // 2)
    with ExitStack() as stack:
        redis_url = stack.enter_context(redis_server())
        env = {"REDIS_URL": redis_url, "ANSWER_KEEP_FOR": str(KEEP_FOR_S)}
        relays = [stack.enter_context(RelayProcess(api.url, app=APP, env=env)) for _ in range(2)]
        block = upstream_group([f"127.0.0.1:{r.port}" for r in relays])
        url = stack.enter_context(
            nginx_in_front(block, "http://relays", connections=4 * clients + 64)
        )
        store = redis.Redis.from_url(redis_url)
        stack.callback(store.close)
        asyncio.run(_round(url, 4, drop_after))  # warm-up: imports, pools
        _wait_for_expiry(store)
        before_requests = api.status()["requests"]
        memory_before = int(store.info("memory")["used_memory"])
        cpu_before = sum(_cpu_s(r.pid) for r in relays)
        with RedisMemory(store) as memory:
            try:
                results, wall = asyncio.run(_round(url, clients, drop_after))
            except httpx2.HTTPError as exc:
                log = [line for r in relays for line in r.log().splitlines() if line.strip()]
                raise RuntimeError(f"{exc!r}; the relays logged: {log[-8:]}") from exc
        cpu = sum(_cpu_s(r.pid) for r in relays) - cpu_before
        keys_after_round = int(store.dbsize())
        upstream = api.status()["requests"] - before_requests
        expired_in = _wait_for_expiry(store)
        memory_after = int(store.info("memory")["used_memory"])
        logged = [line for r in relays for line in r.log().splitlines() if line.strip()]
    whole_once = sum(1 for text, ids, _ in results if text == whole and _each_once(ids))
    reconnected = sum(1 for _, _, used in results if used > 1)
    events = sum(len(ids) for _, ids, _ in results)
    return {
        "clients": clients,
        "reconnecting": reconnected,
        "reconnect_after_events": drop_after,
        "tokens_per_reply": tokens,
        "first_event_delay_s": first_event_delay,
        "event_delay_s": event_delay,
        "wall_s": round(wall, 3),
        "whole_once": whole_once,
        "upstream_requests": upstream,
        "upstream_requests_per_answer": round(upstream / clients, 3),
        "redis_keys_after_round": keys_after_round,
        "redis_used_memory_before_mib": round(memory_before / 2**20, 2),
        "redis_used_memory_peak_mib": round(memory.peak / 2**20, 2),
        "redis_used_memory_after_expiry_mib": round(memory_after / 2**20, 2),
        "keep_for_s": KEEP_FOR_S,
        "expired_within_s": round(expired_in, 1),
        "relay_cpu_s": round(cpu, 2),
        "relay_cpu_us_per_event": round(cpu / max(events, 1) * 1e6, 1),
        "relay_log": logged[-5:],
    }


def _wait_for_expiry(store: redis.Redis) -> float:
    """Wait until Redis holds no key (every answer expired); the seconds it took."""
    started = time.monotonic()
    while store.dbsize():
        if time.monotonic() - started > EXPIRY_WAIT_S:
            left = [(k, store.ttl(k)) for k in store.scan_iter(count=100)]
            raise RuntimeError(
                f"{len(left)} keys still in Redis after {EXPIRY_WAIT_S} s: {left[:6]}"
            )
        time.sleep(0.1)
    return time.monotonic() - started


def _read_resumable(http: httpx2.Client, url: str) -> dict[int, float]:
    arrived: dict[int, float] = {}
    answer = f"{url}/answers/{uuid.uuid4()}"
    http.post(answer, json={"prompt": "Write a long poem."}).raise_for_status()
    with http.stream("GET", answer) as response:
        response.raise_for_status()
        _arrivals(plain_sse.events(response.iter_lines()), arrived)
    return arrived


def added_latency(
    api: RemoteStandIn, tokens: int, event_delay: float, repeats: int
) -> dict[str, Any]:
    """Median send-to-receipt time per event through each relay, ``repeats`` replies each."""
    api.play(tokens, 0.05, event_delay)
    plain: list[float] = []
    resumable: list[float] = []
    with ExitStack() as stack:
        redis_url = stack.enter_context(redis_server())
        env = {"REDIS_URL": redis_url}
        plain_relay = stack.enter_context(RelayProcess(api.url))
        resumable_relay = stack.enter_context(RelayProcess(api.url, app=APP, env=env))
        http = stack.enter_context(httpx2.Client(timeout=60))
        read_plain_relay(http, plain_relay.url)  # warm-up
        _read_resumable(http, resumable_relay.url)
        api.sent_times()
        for _ in range(repeats):
            arrived = read_plain_relay(http, plain_relay.url)
            plain.append(statistics.median(_latencies_ms(api.sent_times(), arrived, tokens)))
            arrived = _read_resumable(http, resumable_relay.url)
            resumable.append(statistics.median(_latencies_ms(api.sent_times(), arrived, tokens)))
    return {
        "chunks_per_reply": tokens,
        "event_delay_s": event_delay,
        "plain_relay_ms": summarise(plain, 3),
        "resumable_relay_ms": summarise(resumable, 3),
    }


def measure(
    api: RemoteStandIn,
    clients: int,
    tokens: int,
    first_event_delay: float,
    event_delay: float,
    latency_chunks: int,
    latency_gap: float,
    repeats: int,
) -> dict[str, Any]:
    """The load run and the latency comparison; fails loudly if an answer broke."""
    load = load_run(api, clients, tokens, first_event_delay, event_delay)
    if load["whole_once"] != clients or load["upstream_requests"] != clients:
        raise RuntimeError(f"the resumable load run broke the relay's promises: {load}")
    return {
        "available": True,
        "app": APP.relative_to(ROOT).as_posix(),
        "server": "two uvicorn processes, one worker each, behind nginx (round robin)",
        "load": load,
        "latency": added_latency(api, latency_chunks, latency_gap, repeats),
    }
