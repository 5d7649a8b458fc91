"""The client side of ``forkserver.py``: start a warm interpreter, run snippets through it.

A ``WarmInterpreter`` is started once per test session for each Python the examples are tested
on (by the xdist controller, so the workers share it) and is found again by any process from
its socket path, which the session puts in the environment.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SERVER = Path(__file__).with_name("forkserver.py")
# What every Python snippet imports first; the rest (starlette, uvicorn...) load per run.
# ``sdk_warmup`` (beside the server) then builds what the SDK builds on first use.
PRELOAD = ("anthropic", "httpx2", "asyncio", "json", "sdk_warmup")
START_TIMEOUT = 60.0


@dataclass(frozen=True)
class Finished:
    returncode: int
    timed_out: bool


class WarmInterpreter:
    """A running ``forkserver.py`` under one Python, listening on ``socket_path``."""

    def __init__(self, python: Path, socket_path: Path, process: subprocess.Popen[str] | None):
        self.python = python
        self.socket_path = socket_path
        self._process = process

    @classmethod
    def start(cls, name: str, python: Path, directory: Path) -> WarmInterpreter:
        """Start the server in the background; its errors go to ``<name>.log`` beside it."""
        socket_path = directory / f"{name}.sock"
        with open(directory / f"{name}.log", "w") as log:
            process = subprocess.Popen(
                [str(python), str(SERVER), str(socket_path), *PRELOAD],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                env={"PATH": os.environ.get("PATH", ""), "PYTHONDONTWRITEBYTECODE": "1"},
                start_new_session=True,
            )
        return cls(python, socket_path, process)

    @classmethod
    def attach(cls, python: Path, socket_path: Path) -> WarmInterpreter:
        return cls(python, socket_path, None)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(timeout=10)
        self.socket_path.unlink(missing_ok=True)

    def run(
        self,
        path: Path,
        *,
        args: tuple[str, ...] = (),
        env: dict[str, str],
        cwd: Path,
        stdout: int,
        stderr: int,
        timeout: float,
    ) -> Finished:
        """Run ``path`` as ``__main__`` with these streams; kill it after ``timeout`` seconds."""
        request = {"path": str(path), "args": list(args), "env": env, "cwd": str(cwd)}
        with (
            socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn,
            open(os.devnull, "rb") as stdin,
        ):
            self._connect(conn)
            socket.send_fds(conn, [json.dumps(request).encode()], [stdin.fileno(), stdout, stderr])
            replies = conn.makefile("r", encoding="utf-8")
            pid = json.loads(replies.readline())["pid"]
            conn.settimeout(timeout)
            try:
                status = json.loads(replies.readline())["status"]
            except TimeoutError:
                _kill_group(pid)
                return Finished(-signal.SIGKILL, timed_out=True)
            finally:
                _kill_group(pid)  # whatever the snippet left running (a server it started)
        return Finished(os.waitstatus_to_exitcode(status), timed_out=False)

    def _connect(self, conn: socket.socket) -> None:
        """Connect, waiting while the server is still importing (it listens when ready)."""
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                conn.connect(str(self.socket_path))
                return
            except (FileNotFoundError, ConnectionRefusedError):
                if time.monotonic() > deadline:
                    log = self.socket_path.with_suffix(".log")
                    detail = log.read_text() if log.is_file() else ""
                    raise RuntimeError(
                        f"the warm interpreter {self.python} is not listening on "
                        f"{self.socket_path} after {START_TIMEOUT:.0f}s\n{detail}"
                    ) from None
                time.sleep(0.05)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def socket_directory() -> Path:
    """A short path: Unix socket paths are limited to about 100 bytes."""
    return Path(tempfile.mkdtemp(prefix="warm-", dir="/tmp"))
