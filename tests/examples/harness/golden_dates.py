"""A pytest plugin: ``--update-goldens`` records when each golden output last changed.

Every page says when its examples' outputs were last regenerated (``siteparts/freshness.py``).
That date is not typed: at the end of a run that rewrote goldens, this compares each golden
file with the digest ``docs/data/goldens.json`` holds for it and dates the ones that changed
(or are new) today, keeping the date of those that did not; it also records the API version of
the SDK the run used. ``tests/site/test_freshness.py`` fails when the file no longer matches
the goldens.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pytest

from tests.support.paths import DOCS, golden_files, rel

DATA_FILE = DOCS / "data" / "goldens.json"
ABOUT = (
    "Written by `make regen` (`PAGE=<page-folder>` for one page's goldens): the digest of "
    "each golden output and the day it last changed, and the API version of the SDK that ran "
    "the examples. Each page's freshness line is rendered from it (siteparts/freshness.py)."
)


def digest(text: bytes) -> str:
    return hashlib.sha256(text).hexdigest()


def current(previous: dict[str, Any], today: str) -> dict[str, Any]:
    """The data for the goldens now on disk: unchanged ones keep their date."""
    # Here, not above: this plugin loads in every process, and the SDK is a second's import.
    from anthropic._constants import ANTHROPIC_API_VERSION

    kept = previous.get("goldens", {})
    goldens = {}
    for path in golden_files():
        sha = digest(path.read_bytes())
        before = kept.get(rel(path))
        same = before is not None and before["sha256"] == sha
        goldens[rel(path)] = {
            "sha256": sha,
            "regenerated": before["regenerated"] if same else today,
        }
    return {"about": ABOUT, "api_version": ANTHROPIC_API_VERSION, "goldens": goldens}


def stated() -> dict[str, Any]:
    if not DATA_FILE.is_file():
        return {}
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def write(today: str | None = None) -> list[str]:
    """Rewrite the file if anything changed; return the goldens whose entry changed."""
    previous = stated()
    data = current(previous, today or dt.datetime.now(dt.UTC).date().isoformat())
    if data != previous:
        DATA_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    before = previous.get("goldens", {})
    return sorted(
        set(before) ^ set(data["goldens"])
        | {g for g in before.keys() & data["goldens"].keys() if before[g] != data["goldens"][g]}
    )


REDATED = pytest.StashKey[list[str]]()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """After all workers are done (xdist runs this on the controller too, last)."""
    if hasattr(session.config, "workerinput"):
        return
    if session.config.getoption("--update-goldens", default=False):
        session.config.stash[REDATED] = write()


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """Say that the data file changed, so it is committed with the goldens it dates."""
    redated = config.stash.get(REDATED, [])
    if redated:
        terminalreporter.write_line(
            f"{DATA_FILE.relative_to(DATA_FILE.parents[2])}: {len(redated)} golden(s) dated "
            "or dropped; commit it with them"
        )
