"""Serve a relay snippet as its own server process, the way its docstring says to run it: the
Django relay under uvicorn (ASGI), the Flask relay under gunicorn (WSGI).

``relay.py`` serves an ASGI app in a thread of the test process; a Django project configures
its settings once per process, and gunicorn is a process manager, so these run apart. The
socket is bound here on a random 127.0.0.1 port and handed to the server by file descriptor
(uvicorn's ``--fd``, gunicorn's ``fd://``), so no port is guessed. The server reads only the
stand-in's URL and the fake key from its environment, as a reader's reads their own.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2

from tests.support.clients import tls
from tests.support.settings import FAKE_KEY

# Seconds a server may take to answer first: a cold start (the framework and the SDK, about 2.5
# CPU-seconds) took over 20 s on a two-CPU machine shared with a loaded test run.
START_WITHIN = 60.0


def uvicorn_command(fd: int) -> list[str]:
    return ["-m", "uvicorn", "app:app", "--fd", str(fd), "--log-level", "warning"]


def gunicorn_command(fd: int, module: str = "app") -> list[str]:
    """The Flask page's command: one process, a thread per stream (gthread)."""
    return [
        "-m", "gunicorn", "--worker-class", "gthread", "--threads", "8",
        "--bind", f"fd://{fd}", "--log-level", "warning", f"{module}:app",
    ]  # fmt: skip


@contextmanager
def served_process(
    folder: Path,
    command: Callable[[int], list[str]],
    upstream: str,
    start_within: float = START_WITHIN,
) -> Iterator[str]:
    """Run ``python <command(fd)>`` in ``folder``, serving the socket ``fd`` bound here; yield
    its URL once it answers ``GET /``."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    sock.set_inheritable(True)
    fd = sock.fileno()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    env = {
        "PATH": os.environ["PATH"],
        "ANTHROPIC_BASE_URL": upstream,
        "ANTHROPIC_API_KEY": FAKE_KEY,
    }
    process = subprocess.Popen(
        [sys.executable, *command(fd)], cwd=folder, env=env, pass_fds=(fd,), start_new_session=True
    )
    try:
        _wait_until_it_answers(process, url, start_within)
        yield url
    finally:
        sock.close()
        process.send_signal(signal.SIGINT)  # both servers: stop now, not after open streams
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_it_answers(process: subprocess.Popen[bytes], url: str, within: float) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the relay server exited with {process.returncode}")
        try:
            # The shared TLS context: a new one per poll loaded the CA certificates each time.
            if httpx2.get(url + "/", timeout=2, verify=tls()).status_code == 200:
                return
        except httpx2.TransportError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"the relay server did not answer within {within} s")
