"""What ``make check PAGE=<folder>`` runs: every test one page's change can break, and no other.

A change to a page, its snippets or their cases can break: the cases' golden runs and their runs
on every other example Python (``tests/examples/test_snippets.py``); their runs against other
replies (``test_alternatives.py``); the scenarios those cases use, held to the rules on where a
scenario lives and what question its reply answers; the site-wide promises that read every page
(the strict build, the home page's list and the nav, the error-message index, the ties between
pages, snippets and goldens, the freshness data, ``hl_text``, the markers, and no talk of the
machinery on reader pages); and the browser
checks of each page that shows one of the folder's files. One pytest run holds them all, so the
site is built once (strict) and shared by the site and browser tests and both workers.

As a pytest plugin it adds ``--page FOLDER``: it narrows the snippet cases as ``--snippets``
does, the scenario tests to the scenarios those cases use, and the per-page browser test to the
pages that include a file of the folder. Everything else the paths select runs whole.
``python -m tests.support.check`` prints the paths ``make check`` gives pytest.
"""

from __future__ import annotations

import pytest

from tests.support.pages import page_paths_from_docs, source_of
from tests.support.paths import SNIPPETS

TESTS = (
    "tests/examples/test_snippets.py",
    "tests/examples/test_alternatives.py",
    "tests/site/test_build.py",
    "tests/site/test_home_sections.py",
    "tests/site/test_error_messages.py",
    "tests/site/test_integrity.py",
    "tests/site/test_markdown_pages.py",
    "tests/site/test_highlight_text.py",
    "tests/site/test_markers.py",
    "tests/site/test_freshness.py",
    "tests/site/test_reader_pages.py",
    "tests/standin/test_scenario_modules.py",
    "tests/standin/test_replies_answer_the_question.py",
    "tests/browser/test_every_page.py",
)
# Tests parametrized by a scenario's name (``name``): run for the scenarios the folder's cases use.
SCENARIO_TESTS = frozenset(
    {
        "tests/standin/test_scenario_modules.py::test_scenario_lives_in_the_module_of_its_kind",
        "tests/standin/test_replies_answer_the_question.py::"
        "test_every_scenario_reply_says_what_it_answers",
    }
)
# Parametrized by a page's URL path (``path``): run for the pages that show the folder's files.
PAGE_TESTS = frozenset({"tests/browser/test_every_page.py::test_page"})


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--page",
        metavar="FOLDER",
        default="",
        help="run what a change to one page folder under snippets/ can break (make check)",
    )


def pytest_configure(config: pytest.Config) -> None:
    page = config.getoption("--page").strip("/")
    if not page:
        return
    if not (SNIPPETS / page).is_dir():
        folders = sorted(p.name for p in SNIPPETS.iterdir() if p.is_dir())
        raise pytest.UsageError(f"--page {page}: no snippets/{page}; the folders are {folders}")
    config.option.snippets = config.option.snippets or page


def pages_showing(folder: str) -> set[str]:
    """URL paths of the pages that include a file of ``snippets/<folder>``."""
    include = f"snippets/{folder}/"
    return {p for p in page_paths_from_docs() if include in source_of(p).read_text("utf-8")}


@pytest.hookimpl(trylast=True)  # after ``--snippets`` has kept the folder's cases
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    page = config.getoption("--page").strip("/")
    if not page:
        return
    scenarios = {
        case.scenario
        for item in items
        if (case := getattr(getattr(item, "callspec", None), "params", {}).get("case"))
        and getattr(case, "scenario", None)
    }
    pages = pages_showing(page)

    def wanted(item: pytest.Item) -> bool:
        function = item.nodeid.split("[", 1)[0]
        params = getattr(getattr(item, "callspec", None), "params", {})
        if function in SCENARIO_TESTS:
            return params.get("name") in scenarios
        if function in PAGE_TESTS:
            return params.get("path") in pages
        return True

    keep = [item for item in items if wanted(item)]
    config.hook.pytest_deselected(items=[item for item in items if not wanted(item)])
    items[:] = keep


if __name__ == "__main__":
    print(" ".join(TESTS))
