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


def nav_pages(nav: list[Any]) -> list[str]:
    """Every page a nav (or part of one) links to, as ``docs/``-relative ``.md`` paths, in
    reading order: sections are walked depth first and links to other sites are left out.

    The test suite walks the nav with this same function, so what it calls "the pages in the
    nav" is what ``llms.txt`` lists.
    """
    pages = []
    for item in nav:
        _, target = _split(item)
        if isinstance(target, list):
            pages.extend(nav_pages(target))
        elif isinstance(target, str) and target.endswith(".md") and "://" not in target:
            pages.append(target)
    return pages


def _entries(items: list[Any], docs: Path) -> list[dict[str, str]]:
    return [{page: _description(docs / page)} for page in nav_pages(items)]


def _description(page: Path) -> str:
    if not page.is_file():
        return ""
    _, meta = get_data(page.read_text(encoding="utf-8"))
    return " ".join(str(meta.get("description", "")).split())
