"""How long the project's own loops take: the test suite and the site build.

Both run as subprocesses, as a maintainer runs them. The suite leaves out the test that runs
this benchmark (it would run a benchmark inside the benchmark). The site is built by MkDocs and
by Zensical from the same tree in the same run, one after the other in each round, by the
functions the test suite builds it with (``tests/support/site.py``), so the two times and their
ratio are measured under the same load.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.support.site import BuildError, build_site, build_zensical_site

from . import machine
from .paths import ROOT
from .stats import summarise

# Not -q: xdist then prints how many workers it started ("4 workers [N items]").
SUITE = [sys.executable, "-m", "pytest", "-n", "auto"]
EXCLUDED = "tests/site/test_performance_page.py"
OUTCOME = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed|deselected)")
WORKERS = re.compile(r"^(\d+) workers \[", re.MULTILINE)


TIMEOUT_S = 1500


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, int | None, str]:
    """Wall seconds, exit code (None when it ran past ``TIMEOUT_S``) and standard output."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, None, ""
    return time.perf_counter() - start, done.returncode, done.stdout


def suite(repeats: int) -> dict[str, Any]:
    command = [*SUITE, f"--ignore={EXCLUDED}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    times, outcomes, workers = [], [], None
    for _ in range(repeats):
        took, code, stdout = _timed(command, env)
        times.append(took)
        if found := WORKERS.search(stdout):
            workers = int(found.group(1))
        tail = stdout.strip().splitlines()[-1] if stdout.strip() else ""
        counts = {kind: int(n) for n, kind in OUTCOME.findall(tail)}
        if code is None:
            counts = {"timed out": 1}
        outcomes.append({"exit_code": code, "counts": counts})
    return {
        "command": "python -m pytest -n auto --ignore=" + EXCLUDED,
        "wall_s": summarise(times, 2),
        "outcomes": outcomes,
        "workers": workers,
    }


def history_entry(suite: dict[str, Any], measured_at: str, cpu_count: int | None) -> dict[str, Any]:
    """One line of the suite's history: when, how many tests, how long (median), on what."""
    counts = suite["outcomes"][-1]["counts"] if suite.get("outcomes") else {}
    return {
        "measured_at": measured_at,
        "wall_s": suite["wall_s"]["median"],
        "runs": suite["wall_s"]["n"],
        "counts": counts,
        "cpu_count": cpu_count,
        "workers": suite.get("workers"),  # what -n auto started: its meaning may change
        "command": suite["command"],
    }


def with_history(previous: dict[str, Any] | None, entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The earlier history (or, in an older file, its one measured suite) with ``entry`` added,
    so the page can show the suite's time before and after a change."""
    if previous is None:
        return [entry]
    history = list(previous.get("suite_history", []))
    if not history and "wall_s" in previous.get("suite", {}):
        cores = previous.get("machine", {}).get("cpu_count")
        history = [history_entry(previous["suite"], previous["generated_at"], cores)]
    return [*history, entry]


def _children_cpu_s() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed_build(build: Callable[[Path], Path], dest: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the build's processes, and 0 (built) or 1 (failed)."""
    cpu, start = _children_cpu_s(), time.perf_counter()
    try:
        build(dest)
        code = 0
    except BuildError:
        code = 1
    return time.perf_counter() - start, _children_cpu_s() - cpu, code


def site_builds(repeats: int) -> dict[str, Any]:
    """``site_build`` (MkDocs), ``zensical_build`` and ``build_ratio`` (MkDocs' wall time over
    Zensical's, round by round)."""
    runs: dict[str, dict[str, list[Any]]] = {
        name: {"wall": [], "cpu": [], "codes": []} for name in ("mkdocs", "zensical")
    }
    builders = (("mkdocs", build_site), ("zensical", build_zensical_site))
    load_before = machine.load_average()
    with tempfile.TemporaryDirectory(prefix="perf-site-") as out:
        for round_ in range(repeats):
            for name, build in builders:
                wall, cpu, code = _timed_build(build, Path(out) / f"{name}-{round_}" / "site")
                runs[name]["wall"].append(wall)
                runs[name]["cpu"].append(cpu)
                runs[name]["codes"].append(code)
    commands = {
        "mkdocs": "mkdocs build --strict",
        "zensical": "zensical build --clean --strict, then python -m siteparts.llms",
    }

    def entry(name: str) -> dict[str, Any]:
        return {
            "command": commands[name],
            "wall_s": summarise(runs[name]["wall"], 3),
            "cpu_s": summarise(runs[name]["cpu"], 3),
            "exit_codes": runs[name]["codes"],
        }

    ratios = [m / z for m, z in zip(runs["mkdocs"]["wall"], runs["zensical"]["wall"], strict=True)]
    return {
        "site_build": entry("mkdocs"),
        "zensical_build": entry("zensical"),
        "build_ratio": summarise(ratios, 2),
        # The machine's load around the builds: others' work slows both, and the ratio less.
        "build_load_average": [(load_before or ["?"])[0], (machine.load_average() or ["?"])[0]],
    }
