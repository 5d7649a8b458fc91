"""A pytest plugin: the options that rewrite golden files, for all snippets or some.

``--update-goldens`` makes every test that produces a generated file (``tests/support/generated.py``)
write it instead of comparing.
``--snippets PATH`` keeps only the snippet tests of one page's folder or one file
(``--snippets cancellation`` or ``--snippets cancellation/stop_early.py``), so a change to one
example regenerates just its outputs: ``make regen PAGE=cancellation``.
"""

from __future__ import annotations

import pytest


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
        help="run only the snippet tests under snippets/PATH (a page folder or one file)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = config.getoption("--snippets").strip("/")
    if not wanted:
        return
    keep, drop = [], []
    for item in items:
        case = getattr(item, "callspec", None) and item.callspec.params.get("case")
        snippet = getattr(case, "snippet", None)
        chosen = snippet is not None and (snippet == wanted or snippet.startswith(wanted + "/"))
        (keep if chosen else drop).append(item)
    if not keep:
        raise pytest.UsageError(f"--snippets {wanted}: no snippet case under snippets/{wanted}")
    config.hook.pytest_deselected(items=drop)
    items[:] = keep


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
