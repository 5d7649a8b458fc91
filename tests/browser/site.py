"""The built site and a local web server for it: what the browser tests look at.

The site is built exactly as it is published (``mkdocs build --strict``, by
``tests/support/site.py``) into a temporary directory and served by a plain static file server
on 127.0.0.1, so the browser sees the same files a reader's browser would, and nothing else.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.support.paths import DOCS, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
NOT_PAGES = frozenset({"404.html"})


def page_paths_from_docs() -> list[str]:
    """URL paths of every page in ``docs/``, known before the build (for parametrizing).

    ``test_every_built_page_is_tested`` checks this list against the pages the build wrote.
    """
    paths = []
    for md in sorted(DOCS.rglob("*.md")):
        rel = md.relative_to(DOCS).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] in {"index", "README"}:
            parts.pop()
        paths.append("/" + "".join(f"{p}/" for p in parts))
    return paths


def page_paths_from_site(site: Path) -> list[str]:
    """URL paths of every HTML page the build wrote (the 404 page aside)."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site)
        if rel.as_posix() in NOT_PAGES or rel.parts[0] == "assets":
            continue
        assert rel.name == "index.html", f"unexpected page file {rel}"
        paths.append("/" + "".join(f"{p}/" for p in rel.parts[:-1]))
    return paths


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files, no request log on stderr."""

    def log_message(self, format: str, *args: object) -> None:
        pass


class SiteServer:
    """Serve a directory on 127.0.0.1 at a random free port, from a background thread."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        host, port = self._httpd.server_address[:2]
        self.origin = f"http://{host}:{port}"

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
