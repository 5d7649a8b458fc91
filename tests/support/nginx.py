"""Debian's nginx, started by a test on a loopback port in front of a local server.

Everything nginx writes (its pid file, error log, temporary files) goes into a temporary
prefix directory that is removed afterwards; no system configuration is read and no service
is started. A ``server`` block (a reader's configuration, from ``snippets/``) is placed in a
minimal ``nginx.conf`` of our own, with its listen and upstream addresses replaced by the
test's ports.
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

MAIN_CONFIG = """\
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections {connections}; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
{server}
}}
"""


def nginx_binary() -> str:
    """The nginx executable, or a clear failure that says how to get it."""
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).is_file()), None
    )
    if found is None:
        raise RuntimeError(
            "nginx is needed for the reverse-proxy tests: `make test` installs Debian's nginx "
            "(apt-get install nginx)"
        )
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_block(template: str, listen: int, upstream: str, extra: str = "") -> str:
    """``template`` (listening on 127.0.0.1:8080, passing to 127.0.0.1:8000, as the page
    shows it) moved to ``listen`` and ``upstream``, with ``extra`` directives added to each
    ``location``."""
    listen_at, pass_to = "listen 127.0.0.1:8080;", "proxy_pass http://127.0.0.1:8000;"
    for placeholder in (listen_at, pass_to, "location / {"):
        if template.count(placeholder) != 1:
            raise ValueError(f"the server block must hold `{placeholder}` exactly once")
    block = template.replace(listen_at, f"listen 127.0.0.1:{listen};")
    block = block.replace(pass_to, f"proxy_pass {upstream};")
    if extra:
        block = block.replace("location / {", "location / {\n        " + extra, 1)
    return block


@contextmanager
def nginx_in_front(
    template: str,
    upstream: str,
    extra: str = "",
    start_within: float = 10.0,
    connections: int = 256,
) -> Iterator[str]:
    """Run nginx with the ``template`` server block in front of ``upstream``; yield its URL.
    ``connections`` bounds the connections it holds at once, each client's and each upstream's."""
    binary = nginx_binary()
    prefix = Path(tempfile.mkdtemp(prefix="nginx-"))
    port = _free_port()
    config = prefix / "nginx.conf"
    block = server_block(template, port, upstream, extra)
    config.write_text(
        MAIN_CONFIG.format(prefix=prefix, server=block, connections=connections), encoding="utf-8"
    )
    command = [binary, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(config)]
    process = subprocess.Popen(
        [*command, "-g", "daemon off;"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + start_within
        while True:
            if process.poll() is not None:
                error = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"nginx did not start:\n{error[-2000:]}\n{block}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not listen within {start_within} s") from None
                time.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # fast shutdown: open connections are closed
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stderr:
            process.stderr.close()
        shutil.rmtree(prefix, ignore_errors=True)
