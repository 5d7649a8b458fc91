"""Shared fixtures and options for the whole suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from standin import StandIn

pytest_plugins = ["tests.examples.live"]  # pytest --live: the snippets against the real API


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the snippets' golden output files from this run instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def standin() -> Iterator[StandIn]:
    """A fresh stand-in on a random port, answering from the request (auto) until told."""
    with StandIn() as api:
        yield api
