"""The benchmark's CPU meter for the suite (``benchmark/cpu_time.py``) counts what it claims.

Cheap on purpose: parsing is checked on fixed text, and the real meter on a command that burns
a fraction of a CPU-second in a grandchild, never on the suite itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from benchmark import build_times, cpu_time, yardstick
from benchmark.__main__ import parse_args
from tests.support.paths import DOCS

# Two kernels' aggregate lines: ten columns, and an old kernel's seven (no steal, no guest).
PROC_STAT = """cpu  4705 356 584 3699 23 23 11 7 100 50
cpu0 2352 178 292 1849 11 11 5 3 50 25
intr 114930548 113199788 3 0 5 263 0 4 [... 223 more numbers ...]
ctxt 1990473
"""
OLD_PROC_STAT = "cpu  10 0 5 100 2 1 1\n"
BURN_S = 0.3
# A child that starts a grandchild which burns BURN_S of CPU, then waits for it.
GRANDCHILD = (
    f"import time\nt = time.process_time()\nwhile time.process_time() - t < {BURN_S}:\n    pass\n"
)
CHILD = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {GRANDCHILD!r}])"


def test_proc_stat_busy_leaves_out_idle_iowait_and_the_guest_time_user_already_holds() -> None:
    busy, total = cpu_time.parse_proc_stat(PROC_STAT)
    assert busy == 4705 + 356 + 584 + 23 + 11 + 7
    assert total == busy + 3699 + 23
    assert cpu_time.parse_proc_stat(OLD_PROC_STAT) == (10 + 5 + 1 + 1, 10 + 5 + 1 + 1 + 102)


def test_proc_stat_without_an_aggregate_line_is_an_error() -> None:
    with pytest.raises(ValueError, match="no aggregate"):
        cpu_time.parse_proc_stat("cpu0 1 2 3 4\n")


def test_cpuacct_usage_is_nanoseconds() -> None:
    assert cpu_time.parse_cpuacct_usage("2500000000\n") == 2.5


def test_the_own_group_is_read_from_the_cpuacct_line() -> None:
    text = "4:memory:/x\n3:cpu,cpuacct:/benchmark-suite-7/inner\n0::/\n"
    assert cpu_time.parse_own_cgroup(text) == "benchmark-suite-7/inner"
    assert cpu_time.parse_own_cgroup("2:cpuacct:/\n") == ""
    assert cpu_time.parse_own_cgroup("0::/user.slice\n") == ""


def _writable_cgroup() -> bool:
    probe = cpu_time.CpuGroup(name=f"benchmark-probe-{os.getpid()}")
    try:
        probe.open()
    except OSError:
        return False
    probe.close()
    return True


@pytest.mark.skipif(not _writable_cgroup(), reason="no writable cgroup v1 cpuacct hierarchy")
def test_the_cgroup_counts_a_grandchild_and_is_removed_afterwards() -> None:
    measured = cpu_time.run(
        [sys.executable, "-c", CHILD], cwd=Path.cwd(), env=dict(os.environ), timeout=60
    )
    assert measured.exit_code == 0
    assert measured.method == cpu_time.CGROUP
    # The grandchild's burn plus two interpreters starting; not the rest of the machine.
    assert BURN_S <= measured.cpu_s < BURN_S + 2.0
    assert measured.machine_busy_s is not None and measured.machine_capacity_s is not None
    assert measured.machine_busy_s <= measured.machine_capacity_s
    assert not cpu_time.CpuGroup().path.exists(), "the group was left behind"


def test_without_a_cgroup_the_machines_busy_time_is_used(tmp_path: Path) -> None:
    measured = cpu_time.run(
        [sys.executable, "-c", CHILD],
        cwd=tmp_path,
        env=dict(os.environ),
        timeout=60,
        cgroup_root=tmp_path / "no-such-hierarchy",
    )
    assert measured.exit_code == 0
    assert measured.method == cpu_time.PROC_STAT_BUSY
    assert measured.cpu_s == measured.machine_busy_s
    assert measured.cpu_s >= BURN_S * 0.9  # ticks are 10 ms: allow their rounding
    assert measured.machine_capacity_s is not None
    assert measured.cpu_s <= measured.machine_capacity_s


def test_a_directory_that_is_not_a_cpuacct_hierarchy_is_refused(tmp_path: Path) -> None:
    group = cpu_time.CpuGroup(root=tmp_path, name="g")
    with pytest.raises(OSError, match="not a cpuacct hierarchy"):
        group.open()
    assert not (tmp_path / "g").exists()


def test_a_history_line_carries_the_cpu_figures_when_the_run_measured_them() -> None:
    stat = {"median": 480.0, "n": 1}
    suite = {
        "command": "pytest",
        "wall_s": {"median": 250.0, "n": 1},
        "cpu_s": stat,
        "cpu_method": cpu_time.CGROUP,
        "pages": 36,
        "cpu_s_per_page": {"median": 13.33, "n": 1},
        "outcomes": [{"exit_code": 0, "counts": {"passed": 9}, "machine_busy_s": 490.0}],
    }
    entry = build_times.history_entry(suite, "2026-12-02T00:00:00Z", 2)
    assert (entry["cpu_s"], entry["pages"], entry["cpu_s_per_page"]) == (480.0, 36, 13.33)
    assert entry["cpu_method"] == cpu_time.CGROUP and entry["machine_busy_s"] == 490.0
    older = {k: v for k, v in suite.items() if not k.startswith(("cpu", "pages"))}
    assert "cpu_s" not in build_times.history_entry(older, "2026-11-01T00:00:00Z", 2)


def test_the_site_has_as_many_pages_as_its_nav_lists() -> None:
    pages = build_times.site_pages()
    assert pages == len(list(DOCS.rglob("*.md"))), "a page outside the nav, or a missing one"


def test_a_selection_of_tests_cannot_be_written_into_the_data_file() -> None:
    with pytest.raises(SystemExit):
        parse_args(["--only", "suite", "--suite-args", "tests/site -q"])
    args = parse_args(["--only", "suite", "--suite-args", "tests/site -q", "--output", "x.json"])
    assert args.suite_args == ["tests/site", "-q"]


def test_a_red_run_names_the_tests_it_failed() -> None:
    stdout = (
        "=========================== short test summary info ============================\n"
        "FAILED tests/browser/test_relay.py::test_x[flask] - AssertionError: no\n"
        "ERROR tests/site/test_build.py::test_y\n"
        "SKIPPED [1] tests/examples/test_alternatives.py:186: not this one\n"
        "1 failed, 1 error, 2 passed in 3.0s\n"
    )
    assert build_times.failed_tests(stdout) == [
        "tests/browser/test_relay.py::test_x[flask]",
        "tests/site/test_build.py::test_y",
    ]
    assert build_times.failed_tests("2 passed in 3.0s\n") == []


def test_the_yardstick_times_each_fresh_interpreter(monkeypatch: pytest.MonkeyPatch) -> None:
    """One CPU time per run of the command, each a new process (here one that spins for a known
    while, so the count cannot be zero or the parent's own)."""
    spin = "import time\nend = time.process_time() + 0.05\nwhile time.process_time() < end: pass"
    monkeypatch.setattr(yardstick, "COMMAND", [sys.executable, "-c", spin])
    pace = yardstick.sdk_import_cpu_s(repeats=3)
    assert pace["n"] == 3
    assert 0.05 <= pace["min"] <= pace["max"] < 5


def test_the_yardstick_names_a_command_that_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = [sys.executable, "-c", "import no_such_module_here"]
    monkeypatch.setattr(yardstick, "COMMAND", broken)
    with pytest.raises(RuntimeError, match="no_such_module_here"):
        yardstick.sdk_import_cpu_s(repeats=1)
