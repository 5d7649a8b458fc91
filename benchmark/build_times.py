"""How long the project's own loops take: the test suite and the site build.

Both run as subprocesses, as a maintainer runs them. The suite leaves out the test that runs
this benchmark (it would run a benchmark inside the benchmark); its CPU time counts every
process it starts (``cpu_time.py``), and is also given per page of the site, the figure that
holds as pages are added. The site is built by MkDocs and
by Zensical from the same tree in the same run, one after the other in each round, by the
functions the test suite builds it with (``tests/support/site.py``), so the two times and their
ratio are measured under the same load.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from siteparts import llms
from tests.support.site import BuildError, build_site, build_zensical_site

from . import cpu_time, machine, yardstick
from .paths import ROOT
from .stats import summarise

# As ``make test`` runs it. Not -q: xdist then prints how many workers it started
# ("2 workers [N items]").
SUITE_ARGS = ["-n", "auto", "--dist", "loadgroup"]
EXCLUDED = "tests/site/test_performance_page.py"
OUTCOME = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed|deselected)")
WORKERS = re.compile(r"^(\d+) workers \[", re.MULTILINE)


TIMEOUT_S = 1500


def site_pages() -> int:
    """How many pages the site has: those its nav lists (the build refuses a page outside it)."""
    return len(llms.nav_pages(llms.load_config(ROOT / "mkdocs.yml").get("nav") or []))


def suite_command(selection: list[str] | None = None) -> list[str]:
    """The whole suite, or (to try the measurement cheaply) ``selection`` as pytest's
    arguments instead of the suite's."""
    return [sys.executable, "-m", "pytest", *(selection or [*SUITE_ARGS, f"--ignore={EXCLUDED}"])]


def _run_summary(run: cpu_time.Measured) -> dict[str, Any]:
    tail = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    counts = {kind: int(n) for n, kind in OUTCOME.findall(tail)}
    if run.exit_code is None:
        counts = {"timed out": 1}
    return {
        "exit_code": run.exit_code,
        "counts": counts,
        "failed": failed_tests(run.stdout),
        "cpu_s": round(run.cpu_s, 2),
        "machine_busy_s": _rounded(run.machine_busy_s),
        "machine_capacity_s": _rounded(run.machine_capacity_s),
    }


def failed_tests(stdout: str) -> list[str]:
    """The tests a run failed, from pytest's short summary (``-ra``): ``FAILED <id> - <why>``
    and ``ERROR <id>``, so a red run says which test it was."""
    return [
        line.split(" ", 1)[1].split(" - ", 1)[0]
        for line in stdout.splitlines()
        if line.startswith(("FAILED ", "ERROR "))
    ]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def suite(repeats: int, selection: list[str] | None = None) -> dict[str, Any]:
    """The suite's wall time and CPU time (every process it starts), and the site's page count,
    so the cost can be read per page as the site grows."""
    command = suite_command(selection)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    pace = yardstick.sdk_import_cpu_s()  # before the suite, on the machine as quiet as it gets
    runs = [cpu_time.run(command, cwd=ROOT, env=env, timeout=TIMEOUT_S) for _ in range(repeats)]
    workers = None
    for run in runs:
        if found := WORKERS.search(run.stdout):
            workers = int(found.group(1))
    pages = site_pages()
    shown = "python -m pytest " + " ".join(command[3:])
    return {
        "command": shown,
        **({"selection": True} if selection else {}),
        "wall_s": summarise([run.wall_s for run in runs], 2),
        "cpu_s": summarise([run.cpu_s for run in runs], 2),
        "cpu_method": runs[-1].method,
        "cpu_method_note": cpu_time.METHODS[runs[-1].method],
        "pages": pages,
        "cpu_s_per_page": summarise([run.cpu_s / pages for run in runs], 2),
        "outcomes": [_run_summary(run) for run in runs],
        "workers": workers,
        "sdk_import_cpu_s": pace,
    }


def history_entry(suite: dict[str, Any], measured_at: str, cpu_count: int | None) -> dict[str, Any]:
    """One line of the suite's history: when, how many tests, how long (median), on what, and
    (from the runs that measured it) its CPU time, the page count and the CPU per page."""
    counts = suite["outcomes"][-1]["counts"] if suite.get("outcomes") else {}
    entry = {
        "measured_at": measured_at,
        "wall_s": suite["wall_s"]["median"],
        "runs": suite["wall_s"]["n"],
        "counts": counts,
        "cpu_count": cpu_count,
        "workers": suite.get("workers"),  # what -n auto started: its meaning may change
        "command": suite["command"],
    }
    if "cpu_s" in suite:
        entry |= {
            "cpu_s": suite["cpu_s"]["median"],
            "cpu_method": suite["cpu_method"],
            "pages": suite["pages"],
            "cpu_s_per_page": suite["cpu_s_per_page"]["median"],
            "machine_busy_s": suite["outcomes"][-1].get("machine_busy_s"),
            "machine_capacity_s": suite["outcomes"][-1].get("machine_capacity_s"),
        }
    if "sdk_import_cpu_s" in suite:
        entry["sdk_import_cpu_s"] = suite["sdk_import_cpu_s"]["median"]
    return entry


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


def _timed_build(build: Callable[[Path], Path], dest: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the build's processes, and 0 (built) or 1 (failed)."""
    cpu, start = cpu_time.children_cpu_s(), time.perf_counter()
    try:
        build(dest)
        code = 0
    except BuildError:
        code = 1
    return time.perf_counter() - start, cpu_time.children_cpu_s() - cpu, code


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
