"""The troubleshooting page keeps its promise: each entry shows what a program printed, and a fix
taken from a program that runs.

Each entry is a collapsed ``??? failure "<symptom>"`` block, so the page reads in a few screens;
it opens with its ``###`` heading (the anchor other pages and the error index link to), then a
Symptom, a Cause and a Fix. Every code box under "Symptom" is nothing but the include of a
golden file that a snippet case produces (never typed), and the code names in the block's title
are in that output. Every Fix shows lines of a program a case runs (the whole file, or a section
between ``# --8<-- [start:<name>]`` and ``[end:<name>]`` markers), and for a section links to a
heading that holds that whole program right below it, so the link lands on the program.
"""

from __future__ import annotations

import posixpath
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify

from siteparts.error_messages import HEADING
from tests.examples.cases import all_cases
from tests.support.paths import DOCS, ROOT, SNIPPET_SUFFIXES

PAGE = DOCS / "troubleshooting.md"
# An entry: its title line, then the lines indented under it (blank lines included).
ENTRY = re.compile(
    r'^\?\?\?(?P<open>\+?) failure "(?P<summary>[^"]+)"\n(?P<body>(?:[ ]{4}.*\n|\n)*)', re.M
)
INCLUDE = re.compile(
    r'^\s*--8<-- "(?P<path>snippets/[^":]+)(?::(?P<section>[a-z][-_0-9a-z]*))?"\s*$'
)
FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.M | re.S)
LINK = re.compile(r"\]\((?P<page>[^)#\s]*)(?:#(?P<anchor>[^)\s]+))?\)")
# Code names a block's title quotes from the output: exception classes, API error types and
# fields (``RateLimitError``, ``overloaded_error``, ``stop_reason``, ``text_stream``).
CODE_NAME = re.compile(r"\b[A-Za-z]*(?:Error|Exception)\b|\b[a-z]+(?:_[a-z]+)+\b")
# The source outline's nine entries, and the failures the "when streams fail" guides add.
AT_LEAST_ENTRIES = 9 + 4
# "A heading followed by at most a sentence or two, then the program": lines of prose allowed
# between the heading a fix links to and the include of the whole program.
MAX_PROSE_LINES = 4


@dataclass(frozen=True)
class Entry:
    summary: str
    body: str  # dedented

    @property
    def title(self) -> str:
        first = next(line for line in self.body.splitlines() if line.strip())
        return first

    def part(self, start: str, end: str | None = None) -> str:
        rest = self.body.split(start, 1)[1]
        return rest.split(end, 1)[0] if end else rest


def entries() -> list[Entry]:
    text = PAGE.read_text(encoding="utf-8")
    return [Entry(m["summary"], textwrap.dedent(m["body"])) for m in ENTRY.finditer(text)]


ENTRIES = entries()
IDS = [e.summary[:40] for e in ENTRIES]


def includes(markdown: str) -> list[re.Match[str]]:
    return [m for line in markdown.splitlines() if (m := INCLUDE.match(line))]


def _goldens() -> set[str]:
    return {c.golden.relative_to(ROOT).as_posix() for c in all_cases()}


def _run_programs() -> set[str]:
    return {f"snippets/{c.snippet}" for c in all_cases()}


def has_section(path: Path, name: str) -> bool:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return any(line.endswith(f"--8<-- [start:{name}]") for line in lines) and any(
        line.endswith(f"--8<-- [end:{name}]") for line in lines
    )


def headings(page: Path) -> dict[str, int]:
    """Anchor -> line number of each heading of ``page`` (indented ones too), as toc makes them."""
    found: dict[str, int] = {}
    fenced = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines()):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if match:
            plain = re.sub(r"[`*]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match[2]))
            found[match[3] or slugify(plain, "-")] = number
    return found


def program_below(page: Path, anchor: str | None, program: str) -> str | None:
    """Why a link to ``page#anchor`` does not land on ``program`` shown whole, or None if it does.

    From the heading (the page's top when there is no anchor) to the next heading, the first
    include must be the whole program, with at most MAX_PROSE_LINES lines of prose before it.
    """
    lines = page.read_text(encoding="utf-8").splitlines()
    start = 0
    if anchor is not None:
        found = headings(page)
        if anchor not in found:
            return f"{page.name} has no heading #{anchor}"
        start = found[anchor] + 1
    prose = 0
    fenced = False
    for line in lines[start:]:
        stripped = line.strip()
        if (
            not fenced
            and HEADING.match(line)
            and not (anchor is None and stripped.startswith("# "))
        ):
            break
        match = INCLUDE.match(line)
        if match:
            if match["path"] == program and match["section"] is None:
                return None if prose <= MAX_PROSE_LINES else f"{prose} lines of prose come first"
            return f"{match['path']} comes first"
        if stripped.startswith("```"):
            fenced = not fenced
        elif (
            stripped
            and not fenced
            and not stripped.startswith(("---", "description:", "???", "!!!", "==="))
        ):
            prose += 1
    return f"the section does not show {program} whole"


def test_the_page_has_its_entries_and_each_is_collapsed() -> None:
    assert len(ENTRIES) >= AT_LEAST_ENTRIES, f"only {len(ENTRIES)} entries"
    text = PAGE.read_text(encoding="utf-8")
    assert "???+ failure" not in text, "an entry is open when the page loads"
    for entry in ENTRIES:
        assert re.match(r"^### \S", entry.title), (
            f"{entry.summary!r} does not open with its ### heading"
        )


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_entry_has_a_symptom_a_cause_and_a_fix(entry: Entry) -> None:
    positions = [entry.body.find(label) for label in ("**Symptom.**", "**Cause.**", "**Fix.**")]
    assert -1 not in positions and positions == sorted(positions), (
        f"{entry.summary!r}: out of order"
    )


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_symptom_box_is_a_golden_that_a_case_produces(entry: Entry) -> None:
    goldens = _goldens()
    boxes = FENCE.findall(entry.part("**Symptom.**", "**Cause.**"))
    assert boxes, f"{entry.summary!r}: the symptom shows no captured output"
    for box in boxes:
        lines = [line for line in box.splitlines() if line.strip()]
        assert len(lines) == 1, f"{entry.summary!r}: a symptom box holds more than an include"
        match = INCLUDE.match(lines[0])
        assert match and not match["section"], f"{entry.summary!r}: typed text: {lines[0]!r}"
        assert match["path"] in goldens, f"{entry.summary!r}: {match['path']} is no case's golden"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_the_title_quotes_what_the_program_printed(entry: Entry) -> None:
    printed = "".join(
        (ROOT / m["path"]).read_text(encoding="utf-8")
        for m in includes(entry.part("**Symptom.**", "**Cause.**"))
    )
    absent = [name for name in CODE_NAME.findall(entry.summary) if name not in printed]
    assert not absent, f"{entry.summary!r} names {absent}, which its symptom does not print"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_fix_shows_lines_of_a_program_that_runs(entry: Entry) -> None:
    run = _run_programs()
    programs = [m for m in includes(entry.part("**Fix.**")) if m["path"].endswith(SNIPPET_SUFFIXES)]
    assert programs, f"{entry.summary!r}: the fix shows no program"
    for match in programs:
        assert match["path"] in run, f"{entry.summary!r}: no case runs {match['path']}"
        if match["section"]:
            assert has_section(ROOT / match["path"], match["section"]), (
                f"{match['path']} has no section {match['section']!r}"
            )


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_fix_links_to_its_whole_program(entry: Entry) -> None:
    fix = entry.part("**Fix.**")
    targets = [
        (PAGE if not m["page"] else (PAGE.parent / m["page"]).resolve(), m["anchor"])
        for m in LINK.finditer(fix)
        if not m["page"] or m["page"].endswith(".md")
    ]
    for match in includes(fix):
        if not match["section"]:
            continue
        program = match["path"]
        reasons = [program_below(page, anchor, program) for page, anchor in targets]
        assert None in reasons, (
            f"{entry.summary!r}: no link in the fix lands on {program}: "
            + "; ".join(
                f"{posixpath.relpath(page, DOCS)}#{anchor}: {why}"
                for (page, anchor), why in zip(targets, reasons, strict=True)
            )
        )


def test_the_landing_check_can_fail() -> None:
    """A heading followed by another program first, or by long prose, is not a landing."""
    errors = DOCS / "guides" / "errors-and-retries.md"
    assert program_below(PAGE, None, "snippets/errors-and-retries/retry_stream.py")
    assert program_below(errors, "no-such-heading", "snippets/errors-and-retries/retry_stream.py")
