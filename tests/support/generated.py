"""Every file the suite writes, in one registry, and the one way a test compares or rewrites one.

A file the site shows that a run produces (a golden output, a measured time, a drawing, the
versions page's data) is never typed: a test produces it and compares it with the stored copy,
or, under ``--update-goldens`` (``make regen``), writes it. Listing each here with its
producer, its place and how it is compared is what lets ``make regen`` run every producer, the
README's maintainer table list them (``tests/site/test_generated_files.py`` holds it to this),
and every failure name the command that rewrites that very file, so no message can send a
maintainer to a command that does not.

``python -m tests.support.generated [--page FOLDER] [--only NAME]`` prints the pytest arguments
``make regen`` runs.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from tests.support.paths import SNIPPETS, rel

Mask = Callable[[str], object]


@dataclass(frozen=True)
class Generated:
    """Files one producer writes. ``mask`` is what is compared when not every byte may be:
    the stored copy is kept when its masked form still matches what the run produced."""

    name: str
    files: str  # a glob under the project root
    holds: str  # what it is, for the README
    producers: tuple[str, ...]  # the pytest node ids that produce it
    compared: str  # how, for the README
    per_page: bool  # PAGE= narrows its producers to one page folder
    mask: Mask | None = None

    def command(self, path: Path | None = None) -> str:
        """The make command that rewrites ``path`` (or every file of this entry)."""
        if self.per_page and path is not None and path.is_relative_to(SNIPPETS):
            return f"make regen PAGE={path.relative_to(SNIPPETS).parts[0]}"
        return f"make regen ONLY={self.name}"

    def covers(self, path: Path) -> bool:
        return fnmatch(rel(path), self.files)


_TIME = re.compile(r"\b\d+(?:\.\d+)? (?:ms|s)\b")


def mask_times(text: str) -> str:
    """A measured time differs on every run; the sentence around it must not."""
    return _TIME.sub("<time>", text)


GOLDENS = Generated(
    "goldens",
    "snippets/*/*.out.txt",
    "what each example printed, shown in its page's Output tab",
    ("tests/examples/test_snippets.py::test_snippet",),
    "byte for byte, or through the case's `stable=` mask when it holds timings",
    per_page=True,
)
GOLDEN_DATES = Generated(
    "golden-dates",
    "docs/data/goldens.json",
    "each golden's digest and the day it last changed (the pages' freshness line)",
    GOLDENS.producers,  # written at the end of any run that rewrote goldens
    "digests with the goldens on disk (`tests/site/test_freshness.py`)",
    per_page=True,
)
PYTHONS = Generated(
    "pythons",
    "docs/data/pythons.json",
    "what a reader gets on each example Python (the versions page)",
    ("tests/examples/test_pythons.py::test_the_versions_page_data_matches_the_environments",),
    "as JSON with the environments in `.pythons/`",
    per_page=False,
)
DIAGRAMS = Generated(
    "diagrams",
    "diagrams/*.svg",
    "each page's ```` ```mermaid ```` block, drawn ahead of time",
    ("tests/browser/test_diagrams.py::test_drawings_match_their_sources",),
    "by outline with a fresh drawing, in Chromium (`tests/browser/diagrams.py`)",
    per_page=False,
)
RELAY_TIMES = Generated(
    "relay-times",
    "snippets/*-relay/closing_the_tab*.txt",
    "the time a relay took to close the upstream once the tab closed, as its page says it",
    (
        "tests/browser/test_relay.py::"
        "test_the_text_arrives_and_closing_the_page_closes_the_upstream",
        "tests/browser/test_relay.py::test_a_wsgi_relay_notices_a_closed_page_at_its_next_write",
    ),
    "with the times masked (a new measure is written only when the sentence changes)",
    per_page=False,
    mask=mask_times,
)
REGISTRY = (GOLDENS, GOLDEN_DATES, PYTHONS, DIAGRAMS, RELAY_TIMES)


def entry_for(path: Path) -> Generated:
    found = [e for e in REGISTRY if e.covers(path)]
    assert found, f"{rel(path)} is written by a test but is not in tests/support/generated.py"
    return found[0]


def mismatch(
    path: Path, produced: str, *, update: bool, mask: Mask | None = None, where: str = ""
) -> str | None:
    """Write ``produced`` to ``path`` (``update``) unless the stored copy already matches it
    under the mask; otherwise say how the stored copy differs, or ``None`` when it does not.
    ``mask`` overrides the entry's (a case's own ``stable``, a drawing's outline)."""
    entry = entry_for(path)
    mask = mask or entry.mask or (lambda text: text)
    stored = path.read_text(encoding="utf-8") if path.is_file() else None
    same = stored is not None and mask(stored) == mask(produced)
    if update:
        if not same:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(produced, encoding="utf-8")
        return None
    at = f"{where}: " if where else ""
    if stored is None:
        return f"{at}{rel(path)} is missing: run `{entry.command(path)}`"
    if not same:
        return (
            f"{at}{rel(path)} differs from what this run produced ({entry.holds}): "
            f"run `{entry.command(path)}` if the change is intended, and read the diff"
        )
    return None


def check_or_write(
    path: Path, produced: str, *, update: bool, mask: Mask | None = None, where: str = ""
) -> None:
    """The one write-or-compare: see ``mismatch``; a difference fails the test."""
    problem = mismatch(path, produced, update=update, mask=mask, where=where)
    assert problem is None, problem


HEADER = ("| Generated file | What it holds | Compared | Rewritten by |", "|---|---|---|---|")


def readme_table() -> list[str]:
    """The README's table of generated files, row for row from the registry."""
    rows = [
        f"| `{e.files}` | {e.holds} | {e.compared} | `{e.command()}`"
        + (" (`PAGE=<page-folder>` for one page's) |" if e.per_page else " |")
        for e in REGISTRY
    ]
    return [*HEADER, *rows]


def pytest_args(page: str = "", only: str = "") -> list[str]:
    """What ``make regen`` runs: every producer, or one page folder's, or one entry's."""
    chosen = [e for e in REGISTRY if (not only or e.name == only) and (not page or e.per_page)]
    if not chosen:
        raise SystemExit(
            f"nothing to regenerate for ONLY={only!r}"
            + (
                f" PAGE={page!r} (only {[e.name for e in REGISTRY if e.per_page]} are by page)"
                if page
                else ""
            )
            + f"; the entries are {[e.name for e in REGISTRY]}"
        )
    ids = list(dict.fromkeys(p for e in chosen for p in e.producers))
    return ids + (["--snippets", page.strip("/")] if page else [])


def main() -> None:
    parser = argparse.ArgumentParser(description=pytest_args.__doc__)
    parser.add_argument("--page", default="")
    parser.add_argument("--only", default="")
    options = parser.parse_args()
    print(" ".join(pytest_args(options.page, options.only)))


if __name__ == "__main__":
    main()
