"""Shared fixtures and options for the whole suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from standin import StandIn
from tests.support.site import build_site

pytest_plugins = [
    "tests.examples.live",  # pytest --live: the snippets against the real API
    "tests.examples.harness.session",  # warm interpreters shared by the xdist workers
    "tests.examples.harness.options",  # --update-goldens, --snippets PAGE
    "tests.examples.harness.golden_dates",  # --update-goldens dates what changed
]


@pytest.fixture
def standin() -> Iterator[StandIn]:
    """A fresh stand-in on a random port, answering from the request (auto) until told."""
    with StandIn() as api:
        yield api


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as ``mkdocs build --strict`` writes it, built once per test worker."""
    return build_site(tmp_path_factory.mktemp("built") / "site")
