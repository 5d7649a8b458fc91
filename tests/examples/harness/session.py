"""A pytest plugin: one warm interpreter per Python for the whole test session.

The process that starts the session (the xdist controller, or pytest itself without xdist)
starts a ``forkserver.py`` under each example Python whose environment is ready, and names their sockets in ``WARM_SOCKETS``; xdist workers inherit the
variable and attach. They start in the background while tests are collected; the first run
through each waits until it listens.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from .pythons import example_pythons
from .warm import WarmInterpreter, socket_directory

VARIABLE = "WARM_SOCKETS"

_started: list[WarmInterpreter] = []
_directory: list[Path] = []


def _may_run_snippets(config: pytest.Config) -> bool:
    """False when every path the run was given lies outside ``tests/examples`` (a browser-only
    run, say), so such runs do not pay to start interpreters they never use."""
    examples = Path(__file__).resolve().parents[1]
    for arg in config.args or ["."]:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path == examples or examples in path.parents or path in examples.parents:
            return True
    return False


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput") or VARIABLE in os.environ:
        return
    if not _may_run_snippets(config):
        return
    directory = socket_directory()
    _directory.append(directory)
    pythons = {p.version: p.python for p in example_pythons() if p.problem() is None}
    sockets = {}
    for name, python in pythons.items():
        interpreter = WarmInterpreter.start(name, python, directory)
        _started.append(interpreter)
        sockets[name] = [str(python), str(interpreter.socket_path)]
    os.environ[VARIABLE] = json.dumps(sockets)


def pytest_unconfigure(config: pytest.Config) -> None:
    for interpreter in _started:
        interpreter.stop()
    for directory in _directory:
        shutil.rmtree(directory, ignore_errors=True)
    if _started:
        os.environ.pop(VARIABLE, None)


def warm_interpreters() -> dict[str, WarmInterpreter]:
    """The session's warm interpreters by Python version (``3.10``...)."""
    found = json.loads(os.environ.get(VARIABLE, "{}"))
    return {
        name: WarmInterpreter.attach(Path(python), Path(socket_path))
        for name, (python, socket_path) in found.items()
    }
