"""Debian's redis-server, started by a test on a loopback port, with nothing left behind.

Redis runs with no persistence (``--save ''``, ``--appendonly no``) in a temporary directory
of its own (its working directory, where it would write any file), which is removed when the
server is stopped; no system configuration is read and no service is started.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def redis_binary() -> str:
    """The redis-server executable, or a clear failure that says how to get it."""
    found = shutil.which("redis-server") or next(
        (p for p in ("/usr/bin/redis-server", "/usr/sbin/redis-server") if Path(p).is_file()),
        None,
    )
    if found is None:
        raise RuntimeError(
            "redis-server is needed for the resumable relay tests: `make test` installs "
            "Debian's redis-server (apt-get install redis-server)"
        )
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def redis_server(start_within: float = 10.0) -> Iterator[str]:
    """Run redis-server on a free 127.0.0.1 port; yield its URL (``redis://127.0.0.1:N/0``)."""
    binary = redis_binary()
    directory = Path(tempfile.mkdtemp(prefix="redis-"))
    port = _free_port()
    command = [
        binary,
        "--bind", "127.0.0.1",
        "--port", str(port),
        "--dir", str(directory),
        "--save", "",
        "--appendonly", "no",
        "--daemonize", "no",
        "--logfile", "",
        "--loglevel", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + start_within
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                raise RuntimeError(f"redis-server did not start:\n{output[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2) as probe:
                    probe.sendall(b"PING\r\n")
                    if probe.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not answer within {start_within} s")
            time.sleep(0.02)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # no save is configured: it just exits
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout:
            process.stdout.close()
        shutil.rmtree(directory, ignore_errors=True)
