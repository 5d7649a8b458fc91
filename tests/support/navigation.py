"""The nav as ``mkdocs.yml`` declares it, in reading order: its pages and its sections.

The pages are found by ``nav_pages`` from ``siteparts/llms.py``, the function the build uses to
list them in ``llms.txt``, so the tests and the build cannot disagree on what the nav holds.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from siteparts import llms
from tests.support.paths import ROOT


@dataclass(frozen=True)
class NavSection:
    """A titled group of pages in the nav (``When streams fail: [...]``)."""

    title: str
    pages: list[str]


@functools.cache
def site_config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def _nav() -> list[Any]:
    return site_config().nav or []


def nav_pages(nav: list[Any]) -> list[str]:
    """The pages in ``nav`` (all of it, or one section's items), in reading order."""
    return list(llms.nav_pages(nav))


def nav_sources() -> list[str]:
    """Every page in the nav (``docs/``-relative ``.md`` paths), in reading order."""
    return nav_pages(_nav())


def nav_outline() -> list[NavSection | str]:
    """The nav's top level in order: a page outside any section as its source path, a
    section as a ``NavSection`` with every page inside it."""
    outline: list[NavSection | str] = []
    for item in _nav():
        title, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(target, list):
            outline.append(NavSection(str(title), nav_pages(target)))
        else:
            outline.extend(nav_pages([item]))
    return outline
