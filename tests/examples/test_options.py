"""``--snippets`` and ``--page`` narrow the snippet cases, and leave the other tests to the paths.

``--snippets`` once dropped every test that runs no case, so ``pytest tests/site/test_build.py
tests/examples/test_snippets.py --snippets cancellation`` silently skipped the build test. Here
the narrowing runs on stand-in items, with no pytest session: cheap, and able to fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.examples.harness import options
from tests.examples.harness.case import Case
from tests.support import check
from tests.support.paths import ROOT

STOP_EARLY = Case("cancellation/stop_early.py", "slow_counting")
OTHER = Case("getting-started/stream_text.py", "text")


@dataclass
class CallSpec:
    params: dict[str, Any]


@dataclass
class Item:
    nodeid: str
    callspec: CallSpec | None = None


@dataclass
class Hook:
    deselected: list[Item] = field(default_factory=list)

    def pytest_deselected(self, items: list[Item]) -> None:
        self.deselected.extend(items)


@dataclass
class Config:
    snippets: str = ""
    page: str = ""
    args_source: pytest.Config.ArgsSource = pytest.Config.ArgsSource.ARGS
    hook: Hook = field(default_factory=Hook)

    def getoption(self, name: str) -> str:
        return {"--snippets": self.snippets, "--page": self.page}[name]


def _case_item(case: Case) -> Item:
    return Item(
        f"tests/examples/test_snippets.py::test_snippet[{case.id}]", CallSpec({"case": case})
    )


def _narrowed(config: Config, items: list[Item]) -> list[str]:
    kept = list(items)
    options.pytest_collection_modifyitems(config, kept)  # type: ignore[arg-type]
    check.pytest_collection_modifyitems(config, kept)  # type: ignore[arg-type]
    return [item.nodeid for item in kept]


def test_snippets_keeps_the_folders_cases_and_the_tests_of_the_paths_given() -> None:
    build = Item("tests/site/test_build.py::test_site_builds_strict_with_every_nav_page")
    items = [_case_item(STOP_EARLY), _case_item(OTHER), build]
    kept = _narrowed(Config(snippets="cancellation"), items)
    assert kept == [items[0].nodeid, build.nodeid]


def test_snippets_with_no_path_keeps_the_case_tests_alone() -> None:
    build = Item("tests/site/test_build.py::test_site_builds_strict_with_every_nav_page")
    items = [_case_item(STOP_EARLY), build]
    config = Config(snippets="cancellation", args_source=pytest.Config.ArgsSource.TESTPATHS)
    assert _narrowed(config, items) == [items[0].nodeid]


def test_snippets_that_match_no_case_is_an_error() -> None:
    with pytest.raises(pytest.UsageError, match="no snippet case"):
        _narrowed(Config(snippets="cancellation"), [_case_item(OTHER)])


def test_page_narrows_the_scenario_and_page_tests_to_the_folders() -> None:
    scenario_test = sorted(check.SCENARIO_TESTS)[0]
    page_test = next(iter(check.PAGE_TESTS))
    items = [
        _case_item(STOP_EARLY),
        Item(f"{scenario_test}[slow_counting]", CallSpec({"name": "slow_counting"})),
        Item(f"{scenario_test}[text]", CallSpec({"name": "text"})),
        Item(f"{page_test}[/guides/cancellation/]", CallSpec({"path": "/guides/cancellation/"})),
        Item(f"{page_test}[/getting-started/]", CallSpec({"path": "/getting-started/"})),
        Item("tests/browser/test_every_page.py::test_every_built_page_is_tested"),
    ]
    config = Config(snippets="cancellation", page="cancellation")
    assert _narrowed(config, items) == [items[0].nodeid, *(items[n].nodeid for n in (1, 3, 5))]


def test_the_listed_tests_exist() -> None:
    missing = [t for t in check.TESTS if not (ROOT / t).is_file()]
    named = {t.split("::")[0] for t in check.SCENARIO_TESTS | check.PAGE_TESTS}
    assert not missing, f"tests/support/check.py names tests that are gone: {missing}"
    assert named <= set(check.TESTS), named - set(check.TESTS)
