"""The nav as ``mkdocs.yml`` declares it, in reading order, as source files and URL paths."""

from __future__ import annotations

import functools
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from tests.support.paths import ROOT


@functools.cache
def site_config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def nav_sources() -> list[str]:
    """Every page in the nav (``docs/``-relative ``.md`` paths), in reading order."""
    return list(_flatten(site_config().nav or []))


def url_path(source: str) -> str:
    """``guides/errors.md`` -> ``/guides/errors/``; ``index.md`` -> ``/``."""
    parts = source.removesuffix(".md").split("/")
    if parts[-1] in {"index", "README"}:
        parts.pop()
    return "/" + "".join(f"{p}/" for p in parts)


def _flatten(items: list[Any]) -> list[str]:
    found = []
    for item in items:
        target = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(target, list):
            found.extend(_flatten(target))
        elif isinstance(target, str) and target.endswith(".md") and "://" not in target:
            found.append(target)
    return found
