"""List every page of the nav in ``llms.txt``, in nav order, without a hand-kept list.

The ``llmstxt`` plugin writes only the pages named in its ``sections`` setting. This hook fills
that setting from the nav when ``mkdocs.yml`` leaves it empty: each nav section becomes an
``llms.txt`` section, pages outside any section are grouped under "Start here" (before the
first section) or "More" (after it), and each entry carries the page's ``description:``.
A page added to the nav is therefore listed with no further edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data

LEADING_PAGES = "Start here"
TRAILING_PAGES = "More"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("llmstxt")
    if plugin is not None and not plugin.config.sections and config.nav:
        plugin.config.sections = sections_from_nav(config.nav, Path(config.docs_dir))
    return config


def sections_from_nav(nav: list[Any], docs: Path) -> dict[str, list[dict[str, str]]]:
    sections: dict[str, list[dict[str, str]]] = {}
    loose = LEADING_PAGES
    for item in nav:
        title, target = _split(item)
        if isinstance(target, list):
            sections.setdefault(title or "Pages", []).extend(_entries(target, docs))
            loose = TRAILING_PAGES
        else:
            sections.setdefault(loose, []).extend(_entries([item], docs))
    return {name: entries for name, entries in sections.items() if entries}


def _split(item: Any) -> tuple[str | None, Any]:
    if isinstance(item, dict):
        return next(iter(item.items()))
    return None, item


def _entries(items: list[Any], docs: Path) -> list[dict[str, str]]:
    entries = []
    for item in items:
        _, target = _split(item)
        if isinstance(target, list):
            entries.extend(_entries(target, docs))
        elif isinstance(target, str) and target.endswith(".md") and "://" not in target:
            entries.append({target: _description(docs / target)})
    return entries


def _description(page: Path) -> str:
    if not page.is_file():
        return ""
    _, meta = get_data(page.read_text(encoding="utf-8"))
    return " ".join(str(meta.get("description", "")).split())
