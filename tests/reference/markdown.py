"""Read the parts of a Markdown page the reference tests check: sections, tables and includes.

Only what these pages use is understood: ATX headings, pipe tables with a header row, and
``--8<--`` include lines with optional ``:start:end`` line ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.support.paths import DOCS

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
INCLUDE = re.compile(r'--8<--\s+"([^":]+)(?::(\d+):(\d+))?"')
CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]

    def column(self, name: str) -> list[str]:
        return [row[self.header.index(name)] for row in self.rows]

    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.header, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class Include:
    path: str
    start: int | None
    end: int | None


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def sections(text: str, level: int) -> dict[str, str]:
    """Heading text -> body, for headings of exactly ``level`` (the body stops at the next
    heading of that level or higher)."""
    found: dict[str, str] = {}
    title: str | None = None
    body: list[str] = []
    for line in text.splitlines():
        match = HEADING.match(line)
        if match and len(match.group(1)) <= level:
            if title is not None:
                found[title] = "\n".join(body)
            title = match.group(2) if len(match.group(1)) == level else None
            body = []
        elif title is not None:
            body.append(line)
    if title is not None:
        found[title] = "\n".join(body)
    return found


def section(text: str, title: str, level: int = 2) -> str:
    found = sections(text, level)
    assert title in found, f"no section {'#' * level} {title!r}; found {sorted(found)}"
    return found[title]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def tables(text: str) -> list[Table]:
    found: list[Table] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines) - 1:
        if lines[i].lstrip().startswith("|") and re.match(r"^\s*\|[\s:|-]+\|\s*$", lines[i + 1]):
            header = _cells(lines[i])
            rows = []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            found.append(Table(header, rows))
        else:
            i += 1
    return found


def table(text: str, first_column: str) -> Table:
    """The one table in ``text`` whose first header cell is ``first_column``."""
    matching = [t for t in tables(text) if t.header and t.header[0] == first_column]
    assert len(matching) == 1, f"expected one table headed {first_column!r}, found {len(matching)}"
    return matching[0]


def code_names(cell: str) -> list[str]:
    """The backticked names in a table cell, with a trailing ``()`` dropped."""
    return [name.removesuffix("()") for name in CODE.findall(cell)]


def code_name(cell: str) -> str:
    names = code_names(cell)
    assert len(names) == 1, f"expected one `name` in cell {cell!r}"
    return names[0]


def includes(text: str) -> list[Include]:
    return [
        Include(
            m.group(1),
            int(m.group(2)) if m.group(2) else None,
            int(m.group(3)) if m.group(3) else None,
        )
        for m in INCLUDE.finditer(text)
    ]
