"""The page on how the examples are tested says only what the project really does.

Its scenario names, commands, key, port, paths and Python version are read back from the
project itself, so renaming a scenario or changing the port fails here until the page agrees.
"""

from __future__ import annotations

import re
import tomllib

from standin.scenarios import SCENARIOS
from tests.support.paths import DOCS, ROOT
from tests.support.settings import FAKE_KEY

PAGE = (DOCS / "about-the-examples.md").read_text(encoding="utf-8")
SCENARIO_ROW = re.compile(r"^\| `([a-z0-9_]+)` \|", re.MULTILINE)


def test_scenarios_in_the_table_exist() -> None:
    named = SCENARIO_ROW.findall(PAGE)
    assert named, "the page lists no scenarios"
    unknown = [name for name in named if name not in SCENARIOS]
    assert not unknown, f"the page names scenarios the stand-in does not have: {unknown}"


def test_scenario_flags_on_the_page_exist() -> None:
    for name in re.findall(r"--scenario ([a-z0-9_]+)", PAGE):
        assert name in SCENARIOS, name


def test_commands_match_the_project() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    port = re.search(r"^standin:.*\n\t.*--port (\d+)", makefile, re.MULTILINE)
    assert port, "the Makefile has no standin target with a port"
    assert (
        f"# Sets up .venv/ the first time, then serves on http://127.0.0.1:{port[1]}\n"
        "make standin\n"
    ) in PAGE
    assert f"export ANTHROPIC_BASE_URL=http://127.0.0.1:{port[1]}" in PAGE
    assert f"export ANTHROPIC_API_KEY={FAKE_KEY}" in PAGE
    for path in re.findall(r"\.venv/bin/python (snippets/\S+)", PAGE):
        assert (ROOT / path).is_file(), f"the page runs {path}, which does not exist"


def test_python_version_matches_the_project() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    minimum = project["requires-python"].removeprefix(">=")
    assert f"You need Python {minimum} or newer" in PAGE
