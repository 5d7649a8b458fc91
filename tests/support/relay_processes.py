"""Several relay processes behind nginx's round robin, as a relay is deployed for real.

Each process is ``uvicorn app:app`` run from a snippet folder in a subprocess of its own (not a
thread), so a test can kill one outright (SIGKILL: no clean-up runs, as when a machine is
lost). A ``RelayPool`` keeps them up from one test to the next and starts a fresh one in place
of each a test killed. nginx spreads the requests over them in turn, with no sticky sessions,
and passes each event on at once. Their nginx configuration is the page's
(``snippets/resumable-relay/nginx.conf``).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.nginx import nginx_in_front
from tests.support.paths import SNIPPETS
from tests.support.served import START_WITHIN
from tests.support.settings import FAKE_KEY

# The page's configuration: an upstream group of two processes behind one server block.
SERVER_BLOCK = SNIPPETS / "resumable-relay" / "nginx.conf"
PAGE_PORTS = ("127.0.0.1:8001", "127.0.0.1:8002")
PAGE_UPSTREAM = "proxy_pass http://relays;"
# Added for the tests: nginx names the process that answered each request.
NAME_THE_PROCESS = "add_header X-Relay-Port $upstream_addr always;"


def upstream_group(addresses: list[str]) -> str:
    """The page's nginx.conf, its two processes replaced by ``addresses`` (host:port), in the
    form ``nginx_in_front`` takes (it sets the listening port and the proxy_pass back)."""
    template = SERVER_BLOCK.read_text(encoding="utf-8")
    for placeholder in (*PAGE_PORTS, PAGE_UPSTREAM):
        if template.count(placeholder) != 1:
            raise ValueError(f"{SERVER_BLOCK.name} must hold `{placeholder}` exactly once")
    if len(addresses) != len(PAGE_PORTS):
        raise ValueError(f"{SERVER_BLOCK.name} names {len(PAGE_PORTS)} processes")
    for placeholder, address in zip(PAGE_PORTS, addresses, strict=True):
        template = template.replace(f"server {placeholder};", f"server {address};")
    return template.replace(PAGE_UPSTREAM, "proxy_pass http://127.0.0.1:8000;")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class RelayProcess:
    port: int
    process: subprocess.Popen[bytes]

    def kill(self) -> None:
        """Gone at once, as a crashed process or a lost machine."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def _wait_for(relay: RelayProcess, start_within: float) -> None:
    deadline = time.monotonic() + start_within
    while True:
        if relay.process.poll() is not None:
            raise RuntimeError(f"the relay on port {relay.port} exited at start")
        try:
            socket.create_connection(("127.0.0.1", relay.port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the relay did not listen within {start_within} s") from None
            time.sleep(0.05)


def start_relay(folder: Path, environment: Mapping[str, str]) -> RelayProcess:
    """One ``uvicorn app:app`` of ``folder`` on a free port, not yet waited for."""
    port = _free_port()
    command = [sys.executable, "-m", "uvicorn", "app:app", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--log-level", "warning", "--no-access-log"],
        cwd=folder,
        env=dict(environment),
        stdin=subprocess.DEVNULL,
    )
    return RelayProcess(port, process)


class RelayPool:
    """Relay processes of ``folder``'s ``app:app``, calling ``upstream`` (the stand-in) with the
    fake key and ``env`` added, kept up from one test to the next: a process starts cold (its
    framework and the SDK, about 2.5 CPU-seconds). ``live(count)`` gives ``count`` running
    ones, started afresh in place of those a test killed; ``close()`` stops them all."""

    def __init__(
        self,
        folder: Path,
        upstream: str,
        env: Mapping[str, str],
        start_within: float = START_WITHIN,
    ) -> None:
        self.folder, self.start_within = folder, start_within
        self.environment = {
            **os.environ,
            "ANTHROPIC_BASE_URL": upstream,
            "ANTHROPIC_API_KEY": FAKE_KEY,
            **env,
        }
        self.started: list[RelayProcess] = []

    def live(self, count: int = 2) -> list[RelayProcess]:
        running = [r for r in self.started if r.process.poll() is None][:count]
        new = [start_relay(self.folder, self.environment) for _ in range(count - len(running))]
        self.started += new
        for relay in new:
            _wait_for(relay, self.start_within)
        return running + new

    def close(self) -> None:
        for relay in self.started:
            relay.stop()


@contextmanager
def behind_nginx(relays: list[RelayProcess]) -> Iterator[str]:
    """nginx's round robin in front of ``relays``, as the page's nginx.conf sets it; yield its
    URL. nginx names the process that answered in an ``X-Relay-Port`` header."""
    block = upstream_group([f"127.0.0.1:{r.port}" for r in relays])
    with nginx_in_front(block, "http://relays", NAME_THE_PROCESS) as url:
        yield url
