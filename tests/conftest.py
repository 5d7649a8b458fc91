"""Shared fixtures and options for the whole suite."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.support.site import build_site_once, build_zensical_site

if TYPE_CHECKING:
    from standin import StandIn

# A run starts several Pythons that import the same modules: the SDK, and pytest's plugins,
# which pytest compiles anew to rewrite their asserts. With bytecode caching off (some containers
# set PYTHONDONTWRITEBYTECODE) every process compiled them again, about 9 CPU-seconds each; on
# from here, it covers what this process imports next and the workers it starts. The caches go
# to __pycache__/, which git ignores; the snippets' own environment is built afresh (runner.py).
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
    sys.dont_write_bytecode = False

# In this order: live imports the verdict, which imports session; a plugin imported before it is
# registered cannot have its asserts rewritten.
pytest_plugins = [
    "tests.examples.harness.session",  # warm interpreters shared by the xdist workers
    "tests.examples.live",  # pytest --live: the snippets against the real API
    "tests.examples.harness.options",  # --update-goldens, --snippets PAGE
    "tests.examples.harness.golden_dates",  # --update-goldens dates what changed
    "tests.support.check",  # --page FOLDER: what one page's change can break (make check)
]


def pytest_collection_finish(session: pytest.Session) -> None:
    """What the imports and the collection built (the SDK, the browser driver, every case) is
    never garbage: frozen, the collector never walks it again, in any test or in pytest's own
    collections at the end of the run."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, which `-p no:xdist` leaves out
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker per CPU, two at least. The suite is CPU-bound, and workers beyond
    the CPUs ran in each other's way: on 2 CPUs, the whole suite took 794 CPU-seconds with four
    workers and 742 with two, though that run also held the Performance page's test (about 13),
    in 443 s against 542 s of wall time (every process counted: ``python -m benchmark --only
    suite``). Two workers still overlap one test's waits (paced streams, the SDK's retry
    back-off, browsers) with another's work."""
    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return max(2, len(usable) if usable else os.cpu_count() or 1)


@pytest.fixture
def standin() -> Iterator[StandIn]:
    """A fresh stand-in on a random port, answering from the request (auto) until told.
    Imported here, not above: the xdist controller, which runs no test, need not load the SDK."""
    from standin import StandIn

    with StandIn() as api:
        yield api


def _run_directory(config: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory every process of this run shares: an xdist worker's temporary directory sits
    in the run's (``workerinput`` marks a worker); a run without workers, ``-n 0`` or
    ``-p no:xdist``, has only its own."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


@pytest.fixture(scope="session")
def site_dir(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as ``mkdocs build --strict`` writes it, built once per run and read by every
    worker. Tests must not change it."""
    return build_site_once(_run_directory(pytestconfig, tmp_path_factory) / "built")


@pytest.fixture(scope="session")
def zensical_site_dir(
    pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The same ``mkdocs.yml`` built by Zensical (``make build-zensical``), once per run and
    shared by the workers as ``site_dir`` is. Tests must not change it."""
    parent = _run_directory(pytestconfig, tmp_path_factory) / "built-by-zensical"
    return build_site_once(parent, build_zensical_site)
