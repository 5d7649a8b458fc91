"""The page on how the examples are tested names every setting an example reads itself.

``docs/about-the-examples.md`` says that an example gets ``ANTHROPIC_BASE_URL`` and
``ANTHROPIC_API_KEY`` (which the SDK reads) and that three programs read a time limit, in a
table. This test reads the snippets and the cases: every other variable a snippet reads must be
a row of that table, with the default the code has and the value the suite sets, and every
variable a case sets must be either one of the two or a row of the table.
"""

from __future__ import annotations

import re

from tests.examples.harness.collect import all_cases
from tests.support.paths import DOCS, SNIPPETS

PAGE = DOCS / "about-the-examples.md"
SDK_SETTINGS = {"ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY"}
READS = re.compile(
    r"""os\.(?:environ\.get|getenv)\(\s*"(\w+)"(?:\s*,\s*"([^"]*)")?|os\.environ\[\s*"(\w+)"\s*\]"""
)
SHELL_READS = re.compile(r"\$\{?([A-Z_][A-Z0-9_]*)")
ROW = re.compile(r"^\| `([\w/.-]+)` \| `(\w+)` \| ([\d.]+) \| ([\d.]+) \|$", re.M)


def _read_by_snippets() -> dict[tuple[str, str], str | None]:
    """(snippet, variable) -> the default in the code, for every variable not the SDK's."""
    found: dict[tuple[str, str], str | None] = {}
    for path in sorted(SNIPPETS.rglob("*")):
        if path.suffix == ".py":
            for get_name, default, item_name in READS.findall(path.read_text(encoding="utf-8")):
                name = get_name or item_name
                found[(path.relative_to(SNIPPETS).as_posix(), name)] = default or None
        elif path.suffix == ".sh":
            for name in SHELL_READS.findall(path.read_text(encoding="utf-8")):
                found[(path.relative_to(SNIPPETS).as_posix(), name)] = None
    return {key: value for key, value in found.items() if key[1] not in SDK_SETTINGS}


def _table() -> dict[tuple[str, str], tuple[str, str]]:
    rows = ROW.findall(PAGE.read_text(encoding="utf-8"))
    return {(program, name): (default, suite) for program, name, default, suite in rows}


def test_the_table_names_every_variable_a_snippet_reads_with_its_default() -> None:
    table = _table()
    read = _read_by_snippets()
    assert set(table) == set(read), f"the page's table {sorted(table)} != read {sorted(read)}"
    for key, default in read.items():
        assert default is not None and float(default) == float(table[key][0]), key


def test_every_variable_a_case_sets_is_the_sdks_or_in_the_table() -> None:
    table = _table()
    for case in all_cases():
        for name, value in case.env.items():
            if name in SDK_SETTINGS:
                continue
            key = (case.snippet, name)
            assert key in table, f"{case.id} sets {name}, which the page does not name"
            assert float(value) == float(table[key][1]), f"{case.id}: the page says {table[key]}"
