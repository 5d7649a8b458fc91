"""Say on every page what its examples were last run with, and when their outputs last changed.

Nothing here is typed: the SDK version and the Pythons come from ``docs/data/pythons.json``, the
API version and each golden output's date from ``docs/data/goldens.json``; the suite writes both
(``make regen``) and fails when they disagree with the installed packages or the golden
files. A page's date is the latest date of the golden outputs it shows; a page that shows none
gives the site's latest. The line is put in the page's ``meta["freshness"]`` for the theme
(``overrides/partials/freshness.html``), which both MkDocs and Zensical hand to the templates.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from siteparts.page import current_page

PYTHONS = Path("data") / "pythons.json"  # inside docs_dir
GOLDENS = Path("data") / "goldens.json"
# A golden output a page includes: whole, by line range, or a named section of it.
INCLUDED_GOLDEN = re.compile(r'--8<--\s+"(snippets/[^":]+\.out\.txt)(?::[^"]*)?"')


@dataclass(frozen=True)
class Freshness:
    """The line a page shows: what its examples ran with, and when their outputs last changed."""

    sdk: str
    api_version: str
    pythons: tuple[str, ...]
    date: str
    own_outputs: bool  # False: the page shows no output; the date is the site's latest

    def text(self) -> str:
        pythons = (
            self.pythons[0]
            if len(self.pythons) == 1
            else f"{self.pythons[0]} to {self.pythons[-1]}"
        )
        whose = "this page's example outputs" if self.own_outputs else "the site's example outputs"
        return (
            f"Examples tested with anthropic {self.sdk}, API version {self.api_version}, "
            f"Python {pythons}; {whose} last regenerated {self.date}."
        )


def included_goldens(markdown: str) -> list[str]:
    return INCLUDED_GOLDEN.findall(markdown)


def freshness(markdown: str, pythons: dict[str, Any], goldens: dict[str, Any]) -> Freshness:
    """The line for a page whose Markdown is ``markdown``, from the two data files."""
    sdks = {p["packages"]["anthropic"] for p in pythons["pythons"]}
    if len(sdks) != 1:
        raise ValueError(f"{PYTHONS}: the Pythons ran different SDKs: {sorted(sdks)}")
    dates = goldens["goldens"]
    # A golden added since the file was written has no date yet: tests/site/test_freshness.py
    # fails on it (run `make regen`); the build does not, so a new page can be drafted.
    own = [dates[g]["regenerated"] for g in included_goldens(markdown) if g in dates]
    return Freshness(
        sdk=sdks.pop(),
        api_version=goldens["api_version"],
        pythons=tuple(p["version"] for p in pythons["pythons"]),
        date=max(own or [d["regenerated"] for d in dates.values()]),
        own_outputs=bool(own),
    )


# Each data file as last read, by path: (its modification time and size, its data).
_read: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}


def load(docs_dir: str | Path, name: Path) -> dict[str, Any]:
    """One of the two data files (``PYTHONS``, ``GOLDENS``) from the pages' folder, read once
    a build rather than once a page, and again when the file changes (``mkdocs serve`` after
    ``make regen``). The data is shared: callers must not change it."""
    path = Path(docs_dir) / name
    stat = path.stat()
    version = (stat.st_mtime_ns, stat.st_size)
    known = _read.get(path)
    if known is None or known[0] != version:
        known = (version, json.loads(path.read_text(encoding="utf-8")))
        _read[path] = known
    return known[1]


class _Line(Preprocessor):
    def __init__(self, md: Markdown, docs_dir: str) -> None:
        super().__init__(md)
        self.docs_dir = docs_dir

    def run(self, lines: list[str]) -> list[str]:
        markdown = "\n".join(lines)
        line = freshness(markdown, load(self.docs_dir, PYTHONS), load(self.docs_dir, GOLDENS))
        current_page(self.md).meta["freshness"] = line.text()
        return lines


class FreshnessExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"docs_dir": ["docs", "the pages' folder, which holds data/"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before the snippets are included (32): the page's own include lines name its goldens.
        md.preprocessors.register(_Line(md, self.getConfig("docs_dir")), "freshness", 40)


def makeExtension(**kwargs: Any) -> FreshnessExtension:  # noqa: N802
    return FreshnessExtension(**kwargs)
