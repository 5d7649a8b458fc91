"""How long the project's own loops take: the test suite and the site build.

Both run as subprocesses, as a maintainer runs them. The suite leaves out the test that runs
this benchmark (it would run a benchmark inside the benchmark).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from typing import Any

from tests.harness.paths import ROOT

from .stats import summarise

SUITE = [sys.executable, "-m", "pytest", "-n", "auto", "-q"]
EXCLUDED = "tests/test_performance_page.py"
OUTCOME = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed|deselected)")


TIMEOUT_S = 1800


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=TIMEOUT_S,
    )
    return time.perf_counter() - start, done


def suite(repeats: int) -> dict[str, Any]:
    command = [*SUITE, f"--ignore={EXCLUDED}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times, outcomes = [], []
    for _ in range(repeats):
        took, done = _timed(command, env)
        times.append(took)
        tail = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
        outcomes.append(
            {
                "exit_code": done.returncode,
                "counts": {kind: int(n) for n, kind in OUTCOME.findall(tail)},
            }
        )
    return {
        "command": "python -m pytest -n auto --ignore=" + EXCLUDED,
        "wall_s": summarise(times, 2),
        "outcomes": outcomes,
    }


def site_build(repeats: int) -> dict[str, Any]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times, exit_codes = [], []
    with tempfile.TemporaryDirectory(prefix="perf-site-") as out:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", out]
        for _ in range(repeats):
            took, done = _timed(command, env)
            times.append(took)
            exit_codes.append(done.returncode)
    return {
        "command": "mkdocs build --strict",
        "wall_s": summarise(times, 3),
        "exit_codes": exit_codes,
    }
