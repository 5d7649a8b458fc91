"""The built site and a local web server for it: what the browser tests look at.

The site is built exactly as it is published (``mkdocs build --strict``) into a temporary
directory and served by a plain static file server on 127.0.0.1, so the browser sees the same
files a reader's browser would, and nothing else.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.support.paths import DOCS, ROOT

MERMAID_SOURCE = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
MERMAID_VENDORED = DOCS / "assets" / "vendor" / "mermaid.min.js"
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


def ensure_vendored_mermaid() -> None:
    """The site serves mermaid itself; ``make`` copies it, a bare pytest run needs it too."""
    if MERMAID_VENDORED.is_file():
        return
    if not MERMAID_SOURCE.is_file():
        raise FileNotFoundError(f"{MERMAID_SOURCE} is missing: run `make test` (npm ci) first")
    MERMAID_VENDORED.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MERMAID_SOURCE, MERMAID_VENDORED)


def build_site(dest: Path) -> Path:
    """Build the site with ``mkdocs build --strict`` into ``dest`` and return it."""
    ensure_vendored_mermaid()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        timeout=120,
    )
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{done.stderr}")
    return dest


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
