"""Serve a relay snippet (an ASGI app in ``snippets/``) with uvicorn, for tests that need it
listening on a real socket: a browser, a reverse proxy or many clients in front of it.

The app file is imported afresh with ``ANTHROPIC_BASE_URL`` and ``ANTHROPIC_API_KEY`` set for
the import only, so its module-level client talks to the given stand-in, as a reader's relay
reads its environment at start-up. uvicorn runs in a thread of this process on a random
127.0.0.1 port.
"""

from __future__ import annotations

import itertools
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import uvicorn

from tests.support.modules import load_module
from tests.support.settings import FAKE_KEY

_loaded = itertools.count(1)


def load_app_module(path: Path, upstream: str) -> ModuleType:
    """Import a fresh copy of the relay at ``path``, its client configured for ``upstream``."""
    names = ("ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY")
    saved = {k: os.environ.get(k) for k in names}
    os.environ.update(ANTHROPIC_BASE_URL=upstream, ANTHROPIC_API_KEY=FAKE_KEY)
    try:
        return load_module(path, f"relay_{path.parent.name.replace('-', '_')}_{next(_loaded)}")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def serving(app: object, start_within: float = 10.0) -> Iterator[str]:
    """Serve the ASGI ``app`` with uvicorn on a random port; yield its URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", lifespan="off", backlog=1024)  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_within
    try:
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start within {start_within} s")
            time.sleep(0.01)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@contextmanager
def relay_for(path: Path, upstream: str) -> Iterator[str]:
    """The relay at ``path``, calling ``upstream``, served on a random port; yield its URL."""
    with serving(load_app_module(path, upstream).app) as url:
        yield url
