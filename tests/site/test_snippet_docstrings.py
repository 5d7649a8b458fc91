"""A program's docstring says what it does in a line or two; its page says the rest.

Long docstrings repeated the page's introduction above the program, pushing the lines that
matter below the first screen. Every Python snippet has one, of one or two lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.paths import SNIPPETS

PROGRAMS = sorted(SNIPPETS.rglob("*.py"))


def docstring_lines(source: str) -> int:
    """The docstring's lines that hold text, as written in the file (0 when there is none)."""
    module = ast.parse(source)
    if ast.get_docstring(module) is None:
        return 0
    written = ast.get_source_segment(source, module.body[0]) or ""
    return sum(1 for line in written.splitlines() if line.strip(' "'))


def test_the_count_sees_a_long_docstring() -> None:
    assert docstring_lines('"""One.\n\nTwo\nthree."""\nx = 1\n') == 3
    assert docstring_lines("x = 1\n") == 0
    assert docstring_lines('"""Lines ending in "\\n"."""\n') == 1  # an escape is not a line


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: str(p.relative_to(SNIPPETS)))
def test_a_programs_docstring_is_one_or_two_lines(program: Path) -> None:
    assert 1 <= docstring_lines(program.read_text(encoding="utf-8")) <= 2
