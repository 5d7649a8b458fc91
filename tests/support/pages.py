"""Where a page lives: its source in ``docs/``, its URL path, and the file the build wrote.

Tests are parametrized by URL path before anything is built, so the list comes from
``docs/``; ``page_paths_from_site`` reads the built site back so a test can hold the two equal.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.paths import DOCS

NOT_PAGES = frozenset({"404.html"})


def url_path(source: str) -> str:
    """``guides/errors.md`` -> ``/guides/errors/``; ``index.md`` -> ``/``."""
    parts = source.removesuffix(".md").split("/")
    if parts[-1] in {"index", "README"}:
        parts.pop()
    return "/" + "".join(f"{p}/" for p in parts)


def source_of(path: str) -> Path:
    """The Markdown file in ``docs/`` that the page at URL ``path`` is built from."""
    stem = path.strip("/") or "index"
    md = DOCS / f"{stem}.md"
    return md if md.is_file() else DOCS / stem / "index.md"


def built_file(site_dir: Path, path: str) -> Path:
    return site_dir / path.lstrip("/") / "index.html"


def page_paths_from_docs() -> list[str]:
    """URL paths of every page in ``docs/``, known before the build (for parametrizing)."""
    return [url_path(md.relative_to(DOCS).as_posix()) for md in sorted(DOCS.rglob("*.md"))]


def page_paths_from_site(site_dir: Path) -> list[str]:
    """URL paths of every HTML page the build wrote (the 404 page aside)."""
    paths = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir)
        if rel.as_posix() in NOT_PAGES or rel.parts[0] == "assets":
            continue
        assert rel.name == "index.html", f"unexpected page file {rel}"
        paths.append("/" + "".join(f"{p}/" for p in rel.parts[:-1]))
    return paths
