"""Where a generated part goes on a page: a line that holds only ``<!-- part-name ... -->``.

An extension that fills such a line (the Pythons table, the error index, a notebook cell) runs
before this module's check, which then fails the build on any marker line still standing: a
misspelled ``<!-- tested-python -->`` stops the build by name instead of rendering nothing. A
marker's name is lower case with at least one hyphen, so an ordinary HTML comment on a page
(``<!-- TODO -->``) is no marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from .page import current_page

MARKER_LINE = re.compile(r"^\s*<!--\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?:\s.*)?-->\s*$")
# Runs after the parts that fill markers (34) and before pymdownx.snippets includes files (32).
CHECK_PRIORITY = 33


class UnknownMarkerError(ValueError):
    """A marker line that no extension of the build fills."""


class MarkerLine(Preprocessor):
    """Replace the line that is exactly ``marker`` with what ``render`` returns (called only on
    a page that has the line)."""

    def __init__(self, md: Markdown, marker: str, render: Callable[[], str]) -> None:
        super().__init__(md)
        self.marker = marker
        self.render = render

    def run(self, lines: list[str]) -> list[str]:
        if self.marker not in lines:
            return lines
        rendered = self.render().split("\n")
        out: list[str] = []
        for line in lines:
            out.extend(rendered if line == self.marker else [line])
        return out


class _Leftovers(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        for number, line in enumerate(lines, start=1):
            found = MARKER_LINE.match(line)
            if found:
                raise UnknownMarkerError(
                    f"{current_page(self.md).source}:{number}: {line.strip()} is a marker no "
                    f"part of the build fills (no extension named {found.group(1)!r} ran)"
                )
        return lines


def check_markers(md: Markdown) -> None:
    """Register the check once, however many extensions ask for it."""
    if "unfilled_markers" not in md.preprocessors:
        md.preprocessors.register(_Leftovers(md), "unfilled_markers", CHECK_PRIORITY)
