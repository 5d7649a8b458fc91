"""The page on how the examples are tested names every setting an example reads itself.

``docs/about-the-examples.md`` says that an example gets ``ANTHROPIC_BASE_URL`` and
``ANTHROPIC_API_KEY`` (which the SDK reads) and that a few programs read a limit of their own,
in a table (a program that imports its app beside it counts the app's). This test reads the snippets and the cases: every other variable a snippet reads must be
a row of that table, with the default the code has and the value the suite sets, and every
variable a case sets must be either one of the two or a row of the table, or, for the cloud
clients, a row of the page's second table: a variable that the package it names reads (the
name is in that package's source) and the exact value the case sets.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from tests.examples.cases import all_cases
from tests.support.paths import DOCS, SNIPPETS

PAGE = DOCS / "about-the-examples.md"
SDK_SETTINGS = {"ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY"}
READS = re.compile(
    r"""os\.(?:environ\.get|getenv)\(\s*"(\w+)"(?:\s*,\s*"([^"]*)")?|os\.environ\[\s*"(\w+)"\s*\]"""
)
SHELL_READS = re.compile(r"\$\{?([A-Z_][A-Z0-9_]*)")
# A default is a number, or a backticked value (a URL); what the suite sets, a number or words.
ROW = re.compile(r"^\| `([\w/.-]+)` \| `(\w+)` \| ([\d.]+|`[^`|]+`) \| ([^|]+?) \|$", re.M)
NUMBER = re.compile(r"[\d.]+")
SIBLING_IMPORT = re.compile(r"^(?:from|import) (\w+)", re.M)
CLOUD_ROW = re.compile(r"^\| `(\w+)` \| `([\w.]+)` \| `([^`|]*)` \|$", re.M)


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
        stated = table[key][0]
        assert default is not None, f"{key}: the program reads it with no default"
        if NUMBER.fullmatch(stated):
            assert NUMBER.fullmatch(default) and float(default) == float(stated), key
        else:
            assert stated == f"`{default}`", f"{key}: the page says {stated}, the code {default!r}"


def _cloud_table() -> dict[str, tuple[str, str]]:
    """Variable -> (the package that reads it, the value the suite sets)."""
    rows = CLOUD_ROW.findall(PAGE.read_text(encoding="utf-8"))
    return {name: (package, value) for name, package, value in rows}


@functools.cache
def _source_of(package: str) -> str:
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.submodule_search_locations, f"{package} is not installed"
    folder = Path(next(iter(spec.submodule_search_locations)))
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.py")))


def test_every_cloud_variable_is_read_by_the_package_the_page_names() -> None:
    table = _cloud_table()
    assert table, "the page has no table of the cloud clients' settings"
    for name, (package, _) in table.items():
        source = _source_of(package)
        assert f'"{name}"' in source or f"'{name}'" in source, f"{package} does not read {name}"


def test_every_variable_a_case_sets_is_the_sdks_or_in_the_table() -> None:
    table = _table()
    cloud = _cloud_table()
    for case in all_cases():
        for name, value in case.env.items():
            if name in SDK_SETTINGS:
                continue
            if name in cloud:
                assert cloud[name][1] == value, f"{case.id} sets {name}={value!r}, the page says"
                continue
            keys = [(program, name) for program in _programs_run_by(case.snippet)]
            key = next((k for k in keys if k in table), None)
            assert key is not None, f"{case.id} sets {name}, which the page does not name"
            assert float(value) == float(table[key][1]), f"{case.id}: the page says {table[key]}"


def _programs_run_by(snippet: str) -> list[str]:
    """The snippet, and the files beside it that it imports (a client importing its app)."""
    path = SNIPPETS / snippet
    if path.suffix != ".py":
        return [snippet]
    imported = SIBLING_IMPORT.findall(path.read_text(encoding="utf-8"))
    siblings = [path.with_name(f"{module}.py") for module in imported]
    return [snippet, *(p.relative_to(SNIPPETS).as_posix() for p in siblings if p.is_file())]
