"""Every page says what its examples ran with and when their outputs last changed, truthfully.

The line (``siteparts/freshness.py``) is read back from each built page and compared with what this
machine has: the installed ``anthropic`` and the API version it sends, the Pythons every example
runs on (``pyproject.toml``), and the dates ``docs/data/goldens.json`` holds for the golden
outputs the page shows, which must match the golden files themselves.
"""

from __future__ import annotations

import html
import re
import tomllib
from importlib import metadata
from pathlib import Path

from anthropic._constants import ANTHROPIC_API_VERSION

from siteparts import freshness
from tests.examples.harness import golden_dates
from tests.support.generated import GOLDEN_DATES
from tests.support.pages import page_paths_from_site, source_of
from tests.support.paths import ROOT, golden_files, rel

LINE = re.compile(r'<p class="md-freshness">(.*?)</p>', re.DOTALL)
SAID = re.compile(
    r"Examples tested with anthropic (?P<sdk>\S+), API version (?P<api_version>\S+), "
    r"Python (?P<first>[\d.]+)(?: to (?P<last>[\d.]+))?; (?P<whose>this page's|the site's) "
    r"example outputs last regenerated (?P<date>\d{4}-\d\d-\d\d)\."
)
REGEN = GOLDEN_DATES.command()
SHOWN_GOLDEN = re.compile(r'"(snippets/[^":]+\.out\.txt)(?::[^"]*)?"')

# What a page's line must say, by the names SAID gives its parts (the Pythons as first and last).
Truth = dict[str, object]


def _example_pythons() -> tuple[str, ...]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return tuple(pyproject["tool"]["streaming-docs"]["example-pythons"])


def truth_for(source: Path) -> Truth:
    """What the line of the page built from ``source`` must say, read from other sources than
    the hook's (the installed SDK, pyproject.toml, the golden dates the suite checks), so a
    wrong data file or a wrong reading of one shows as a difference."""
    dates = {path: entry["regenerated"] for path, entry in golden_dates.stated()["goldens"].items()}
    shown = [dates[g] for g in SHOWN_GOLDEN.findall(source.read_text(encoding="utf-8"))]
    pythons = _example_pythons()
    return {
        "sdk": metadata.version("anthropic"),
        "api_version": ANTHROPIC_API_VERSION,
        "pythons": (pythons[0], pythons[-1]),
        "date": max(shown or dates.values()),
        "whose": "this page's" if shown else "the site's",
    }


def problems(line: str, truth: Truth) -> list[str]:
    said = SAID.fullmatch(line)
    if said is None:
        return [f"the line does not read as expected: {line!r}"]
    found = said.groupdict() | {"pythons": (said["first"], said["last"] or said["first"])}
    return [
        f"{name}: says {found[name]}, should say {wanted}"
        for name, wanted in truth.items()
        if found[name] != wanted
    ]


def line_of(site_dir: Path, path: str) -> list[str]:
    page = site_dir / path.lstrip("/") / "index.html"
    return [" ".join(html.unescape(m).split()) for m in LINE.findall(page.read_text("utf-8"))]


def test_the_golden_dates_match_the_goldens() -> None:
    stated = golden_dates.stated()
    assert stated, f"{golden_dates.DATA_FILE} is missing: run `{REGEN}`"
    assert stated["api_version"] == ANTHROPIC_API_VERSION, f"run `{REGEN}`"
    on_disk = {rel(p): golden_dates.digest(p.read_bytes()) for p in golden_files()}
    recorded = {path: entry["sha256"] for path, entry in stated["goldens"].items()}
    changed = sorted(p for p in on_disk.keys() & recorded.keys() if on_disk[p] != recorded[p])
    assert not changed, f"goldens changed since their date was recorded: {changed}: run `{REGEN}`"
    assert on_disk.keys() == recorded.keys(), (
        f"goldens with no date: {sorted(on_disk.keys() - recorded.keys())}; dates of no golden: "
        f"{sorted(recorded.keys() - on_disk.keys())}: run `{REGEN}`"
    )


def test_every_page_says_what_its_examples_ran_with(site_dir: Path) -> None:
    found = []
    for path in page_paths_from_site(site_dir):
        lines = line_of(site_dir, path)
        if len(lines) != 1:
            found.append(f"{path}: {len(lines)} freshness lines")
            continue
        found += [f"{path}: {p}" for p in problems(lines[0], truth_for(source_of(path)))]
    assert not found, "\n".join(found)


def test_a_changed_version_breaks_the_line(site_dir: Path) -> None:
    """The comparison above fails when any fact moves: a new SDK, API version, Python or run."""
    (line,) = line_of(site_dir, "/")
    truth = truth_for(source_of("/"))
    assert problems(line, truth) == []
    for change in (
        {"sdk": "2.99.0"},
        {"api_version": "2099-01-01"},
        {"pythons": (truth["pythons"][0], "3.14")},
        {"date": "2099-01-01"},
        {"whose": "the site's" if truth["whose"] == "this page's" else "this page's"},
    ):
        reported = problems(line, truth | change)
        assert [p.split(":")[0] for p in reported] == list(change), (change, reported)


def test_update_goldens_dates_only_the_goldens_that_changed() -> None:
    """What ``--update-goldens`` writes: a changed golden gets today, an unchanged one keeps its
    day, and a golden that is gone loses its entry."""
    stated = golden_dates.stated()
    changed, unchanged = sorted(stated["goldens"])[:2]
    previous = {
        "goldens": {
            **stated["goldens"],
            changed: {"sha256": "0" * 64, "regenerated": "2000-01-01"},
            unchanged: {**stated["goldens"][unchanged], "regenerated": "2000-01-02"},
            "snippets/gone/gone.text.out.txt": {"sha256": "1" * 64, "regenerated": "2000-01-03"},
        }
    }
    written = golden_dates.current(previous, "2099-12-31")["goldens"]
    assert written[changed]["regenerated"] == "2099-12-31"
    assert written[unchanged]["regenerated"] == "2000-01-02"
    assert "snippets/gone/gone.text.out.txt" not in written
    assert written.keys() == {rel(p) for p in golden_files()}


def test_the_data_files_are_read_once_a_build_and_again_when_changed(tmp_path: Path) -> None:
    """The hook runs for every page: it reads each data file once, and anew once it changes
    (``mkdocs serve`` while ``make regen`` rewrites it)."""
    data = tmp_path / freshness.GOLDENS
    data.parent.mkdir()
    data.write_text('{"api_version": "1"}', encoding="utf-8")
    first = freshness.load(tmp_path, freshness.GOLDENS)
    assert freshness.load(tmp_path, freshness.GOLDENS) is first, "read again, unchanged"
    data.write_text('{"api_version": "22"}', encoding="utf-8")
    assert freshness.load(tmp_path, freshness.GOLDENS) == {"api_version": "22"}
