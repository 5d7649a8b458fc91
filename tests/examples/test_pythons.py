"""The Pythons the examples run on: all there, from the SDK's floor up, and on the versions page.

``test_snippet_on_python`` runs every Python example on each of them; the versions page lists
them with what a reader gets there (``docs/data/pythons.json``, rendered by
``siteparts/pythons.py``). That file is written from this machine's environments by ``make regen``
and compared with them otherwise, like a golden output (``tests/support/generated.py``).
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from typing import Any

import pytest

from tests.examples.harness.pythons import ExamplePython, environment_facts, example_pythons
from tests.support import generated
from tests.support.paths import DOCS

DATA_FILE = DOCS / "data" / "pythons.json"
PYTHONS = example_pythons()


def _minor(version: str) -> tuple[int, int]:
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


def _sdk_floor() -> str:
    required = metadata.metadata("anthropic")["Requires-Python"]
    floor = re.fullmatch(r">=\s*(\d+\.\d+)", required or "")
    assert floor, f"unexpected Requires-Python for anthropic: {required!r}"
    return floor.group(1)


def _sdk_classifiers() -> list[str]:
    prefix = "Programming Language :: Python :: "
    found = [c.removeprefix(prefix) for c in metadata.metadata("anthropic").get_all("Classifier")]
    return [v for v in found if re.fullmatch(r"3\.\d+", v)]


@pytest.mark.parametrize("python", PYTHONS, ids=[p.version for p in PYTHONS])
def test_the_example_python_is_on_this_machine(python: ExamplePython) -> None:
    problem = python.problem()
    assert problem is None, problem


def test_the_pythons_run_from_the_sdks_floor_without_gaps() -> None:
    versions = [_minor(p.version) for p in PYTHONS]
    assert versions, "no example Pythons are listed in pyproject.toml"
    assert versions[0] == _minor(_sdk_floor()), (
        f"the SDK supports Python {_sdk_floor()} and up, but the examples start at "
        f"{PYTHONS[0].version}: add it to [tool.streaming-docs] example-pythons"
    )
    expected = [(3, m) for m in range(versions[0][1], versions[-1][1] + 1)]
    assert versions == expected, f"example Pythons with a gap: {[p.version for p in PYTHONS]}"


def _facts() -> dict[str, Any]:
    tested = [p.version for p in PYTHONS]
    return {
        "about": f"Written by `{generated.PYTHONS.command()}` from the environments the suite "
        "runs the examples in (.pythons/<version>/); the versions page is rendered from it.",
        "sdk_requires_python": f">={_sdk_floor()}",
        "pythons": [{"version": p.version, **environment_facts(p)} for p in PYTHONS],
        "declared_by_the_sdk_not_tested": [v for v in _sdk_classifiers() if v not in tested],
    }


def test_the_versions_page_data_matches_the_environments(update_goldens: bool) -> None:
    problems = [p.problem() for p in PYTHONS if p.problem()]
    assert not problems, problems
    produced = json.dumps(_facts(), indent=2) + "\n"
    generated.check_or_write(DATA_FILE, produced, update=update_goldens, mask=json.loads)
