"""A warm interpreter that runs each snippet as ``__main__`` in a process of its own.

Starting Python and importing ``anthropic`` costs about 1.5 s of CPU per process; a suite that
runs every snippet case, with variations, on four Pythons cannot pay that each time. This
server imports the SDK once, then forks for every request: the child gets the snippet's own
environment, working directory, ``argv`` and standard streams, and runs the file with
``runpy.run_path(..., run_name="__main__")``, exactly as ``python FILE`` would run it, with
fresh module globals. What it cannot show (a snippet that only works because the server
imported something first) is what the cold runs in ``tests/examples`` are for.

The protocol, over a Unix socket: the client sends one JSON line with the three file
descriptors for stdin, stdout and stderr attached (``SCM_RIGHTS``); the server answers
``{"pid": N}`` once the snippet's process exists, then ``{"status": S}`` when it ends (the
``waitpid`` status: an exit code, or a signal). Standard library only, Python 3.10+: the same
file serves every interpreter the examples are tested on.

Run as ``python forkserver.py SOCKET MODULE...``; it listens once the modules are imported.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import io
import json
import os
import runpy
import signal
import socket
import sys
import threading
import traceback

MAX_REQUEST = 1 << 20


def _streams(encoding: str) -> None:
    """Standard streams on the inherited descriptors, unbuffered as ``PYTHONUNBUFFERED`` asks."""
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding=encoding)
    sys.stdout = io.TextIOWrapper(
        io.FileIO(1, "w", closefd=False), encoding=encoding, write_through=True
    )
    sys.stderr = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False),
        encoding=encoding,
        errors="backslashreplace",
        write_through=True,
    )


def _finish() -> None:
    """What the interpreter does at a normal exit: join threads, run atexit, flush."""
    shutdown = getattr(threading, "_shutdown", None)
    if shutdown is not None:
        shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()


def _exit_code(exc: SystemExit) -> int:
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _run_snippet(request: dict, fds: list[int]) -> None:
    """In the child: become ``python FILE`` and never return."""
    os.setsid()  # its own process group: a timeout kills the snippet and its children
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    path = request["path"]
    sys.argv = [path, *request.get("args", [])]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    _streams(os.environ.get("PYTHONIOENCODING", "utf-8").split(":")[0] or "utf-8")
    code = 0
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exc:
        code = _exit_code(exc)
    except BaseException:
        sys.excepthook(*sys.exc_info())
        code = 1
    try:
        _finish()
    except BaseException:
        traceback.print_exc()
        code = code or 1
    os._exit(code)


def _serve_one(conn: socket.socket) -> None:
    """In a forked helper: start the snippet, report its pid, wait, report its status."""
    data, fds, _, _ = socket.recv_fds(conn, MAX_REQUEST, 3)
    request = json.loads(data)
    pid = os.fork()
    if pid == 0:
        conn.close()
        _run_snippet(request, fds)
    for fd in fds:
        os.close(fd)
    conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    conn.sendall(json.dumps({"status": status}).encode() + b"\n")


def serve(path: str, modules: list[str]) -> None:
    for name in modules:
        importlib.import_module(name)
    # What the imports built stays built: frozen, the collector never walks it again, so a
    # forked snippet's collections do not touch (and the kernel copy) the server's pages.
    # A third of a warm run's CPU went there.
    gc.collect()
    gc.freeze()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(128)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # helpers are reaped by the kernel
    while True:
        conn, _ = listener.accept()
        if os.fork() == 0:
            listener.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # so the helper can wait for its child
            code = 0
            try:
                _serve_one(conn)
            except BaseException:
                traceback.print_exc()
                code = 1
            os._exit(code)
        conn.close()


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2:])
