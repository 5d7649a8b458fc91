"""The latency the browser relay (``snippets/browser-relay/app.py``) adds to each chunk.

The relay runs as a reader would run it, under uvicorn in a process of its own, pointed at the
stand-in process. A plain httpx2 SSE client reads it, as a browser's EventSource would. For
each text chunk the stand-in notes when it handed the chunk to its socket and the client notes
when the chunk arrived; both read ``time.monotonic()``, one clock for every process on the
machine. The same client reading the stand-in directly gives the baseline, so the relay's
share is the difference.
"""

from __future__ import annotations

import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx2

from standin.validation import CURRENT_VERSION

from . import plain_sse
from .clients import FAKE_KEY, MODEL, budget
from .paths import ROOT
from .remote import RemoteStandIn
from .stats import summarise

APP = ROOT / "snippets" / "browser-relay" / "app.py"
CHUNK_INDEX = re.compile(r"w(\d{4})")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RelayProcess:
    """``uvicorn app:app`` from the folder of ``app`` (the browser relay unless told),
    talking to ``upstream``, with ``env`` added to its environment."""

    def __init__(self, upstream: str, app: Path = APP, env: dict[str, str] | None = None) -> None:
        self.upstream = upstream
        self.app = app
        self.extra_env = env or {}
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in __exit__

    def __enter__(self) -> RelayProcess:
        env = {
            **os.environ,
            "ANTHROPIC_BASE_URL": self.upstream,
            "ANTHROPIC_API_KEY": FAKE_KEY,
            **self.extra_env,
        }
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app:app",
                "--app-dir",
                str(self.app.parent),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            cwd=self.app.parent,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self._log,  # a file, not a pipe: a full pipe would stall the relay
        )
        self._wait_until_up(timeout=30)
        return self

    def log(self) -> str:
        """What the relay has written to its stderr so far."""
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    @property
    def pid(self) -> int:
        assert self._process is not None, "the relay is not running"
        return self._process.pid

    def _wait_until_up(self, timeout: float) -> None:
        assert self._process is not None
        deadline = time.monotonic() + timeout
        # One client for the whole wait: each new one loads the CA certificates (~20 ms of CPU).
        with httpx2.Client(timeout=1) as http:
            while time.monotonic() < deadline:
                if self._process.poll() is not None:
                    raise RuntimeError(f"the relay did not start:\n{self.log()[-2000:]}")
                try:
                    if http.get(self.url + "/").status_code < 500:
                        return
                except httpx2.TransportError:
                    time.sleep(0.1)
        raise RuntimeError(f"the relay did not answer on {self.url} within {timeout} s")

    def __exit__(self, *exc: object) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()


def _arrivals(events: Any, arrived: dict[int, float]) -> None:
    """Note when each chunk (found by its ``wNNNN`` mark) first arrives."""
    for _name, data in events:
        now = time.monotonic()
        payload = json.loads(data)
        piece = payload.get("text")
        if piece is None and payload.get("type") == "content_block_delta":
            piece = payload["delta"].get("text")
        for index in CHUNK_INDEX.findall(piece or ""):
            arrived.setdefault(int(index), now)


def read_direct(http: httpx2.Client, url: str, tokens: int) -> dict[int, float]:
    arrived: dict[int, float] = {}
    body = {
        "model": MODEL,
        "max_tokens": budget(tokens),
        "messages": [{"role": "user", "content": "Write a long poem."}],
        "stream": True,
    }
    headers = {"x-api-key": FAKE_KEY, "anthropic-version": CURRENT_VERSION}
    with http.stream("POST", url + "/v1/messages", json=body, headers=headers) as response:
        response.raise_for_status()
        _arrivals(plain_sse.events(response.iter_lines()), arrived)
    return arrived


def read_relay(http: httpx2.Client, url: str) -> dict[int, float]:
    arrived: dict[int, float] = {}
    with http.stream("GET", url + "/stream", params={"prompt": "Write a long poem."}) as response:
        response.raise_for_status()
        _arrivals(plain_sse.events(response.iter_lines()), arrived)
    return arrived


def _latencies_ms(sent: list[float], arrived: dict[int, float], tokens: int) -> list[float]:
    if len(sent) != tokens or len(arrived) != tokens:
        raise RuntimeError(f"expected {tokens} chunks; sent {len(sent)}, received {len(arrived)}")
    return [(arrived[i] - sent[i]) * 1000 for i in range(tokens)]


def measure(api: RemoteStandIn, tokens: int, event_delay: float, repeats: int) -> dict[str, Any]:
    api.play(tokens, 0.05, event_delay)
    direct: list[float] = []
    relayed: list[float] = []
    added: list[float] = []
    with RelayProcess(api.url) as relay, httpx2.Client(timeout=60) as http:
        read_relay(http, relay.url)  # warm-up: the relay's first request imports lazily
        api.sent_times()
        for _ in range(repeats):
            d = statistics.median(_direct_once(api, http, tokens))
            r = statistics.median(_relay_once(api, http, relay.url, tokens))
            direct.append(d)
            relayed.append(r)
            added.append(r - d)
    return {
        "available": True,
        "app": APP.relative_to(ROOT).as_posix(),
        "server": "uvicorn, one worker",
        "client": "httpx2 + benchmark/plain_sse.py",
        "chunks_per_reply": tokens,
        "event_delay_s": event_delay,
        "direct_ms": summarise(direct, 3),
        "relayed_ms": summarise(relayed, 3),
        "added_ms": summarise(added, 3),
    }


def _direct_once(api: RemoteStandIn, http: httpx2.Client, tokens: int) -> list[float]:
    arrived = read_direct(http, api.url, tokens)
    return _latencies_ms(api.sent_times(), arrived, tokens)


def _relay_once(api: RemoteStandIn, http: httpx2.Client, url: str, tokens: int) -> list[float]:
    arrived = read_relay(http, url)
    return _latencies_ms(api.sent_times(), arrived, tokens)
