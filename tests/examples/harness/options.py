"""A pytest plugin: the options that rewrite golden files, for all snippets or some.

``--update-goldens`` makes every test that produces a generated file (``tests/support/generated.py``)
write it instead of comparing.
``--snippets PATH`` narrows the tests that run a snippet case to the cases of one page's folder
or one file (``--snippets cancellation`` or ``--snippets cancellation/stop_early.py``), so a
change to one example regenerates just its outputs (``make regen PAGE=cancellation``) and
``make check PAGE=cancellation`` runs just its cases. Tests that run no case are left to the
paths given: ``pytest tests/site/test_build.py tests/examples/test_snippets.py --snippets
cancellation`` runs the build test too. Given no path at all, pytest would run the whole suite,
so there ``--snippets`` keeps the case tests alone: every run of that page's cases.
"""

from __future__ import annotations

import pytest

from tests.support.paths import SNIPPETS

from .case import Case


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="write the generated files (tests/support/generated.py) instead of comparing",
    )
    parser.addoption(
        "--snippets",
        metavar="PATH",
        default="",
        help="run only the snippet cases under snippets/PATH (a page folder or one file); "
        "tests that run no case still run when their path is given",
    )


def case_of(item: pytest.Item) -> Case | None:
    """The snippet case an item runs: a parameter ``case``, or the item's own (live runs)."""
    callspec = getattr(item, "callspec", None)
    found = callspec.params.get("case") if callspec is not None else getattr(item, "case", None)
    return found if isinstance(found, Case) else None


def under(case: Case, wanted: str) -> bool:
    return case.snippet == wanted or case.snippet.startswith(wanted + "/")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = config.getoption("--snippets").strip("/")
    if not wanted:
        return
    if not (SNIPPETS / wanted).exists():
        raise pytest.UsageError(f"--snippets {wanted}: there is no snippets/{wanted}")
    paths_given = config.args_source is pytest.Config.ArgsSource.ARGS
    keep, drop = [], []
    cases = chosen = 0
    for item in items:
        case = case_of(item)
        cases += case is not None
        chosen += case is not None and under(case, wanted)
        wanted_here = paths_given if case is None else under(case, wanted)
        (keep if wanted_here else drop).append(item)
    if cases and not chosen:
        raise pytest.UsageError(f"--snippets {wanted}: no snippet case under snippets/{wanted}")
    config.hook.pytest_deselected(items=drop)
    items[:] = keep


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
