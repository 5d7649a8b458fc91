"""The CPU time a command uses, every process it starts included.

The test suite starts grandchildren that outlive the waits of their parents (xdist workers,
forkserver children, Chromium, nginx, Redis), so ``RUSAGE_CHILDREN`` misses much of it. Where
the cgroup v1 ``cpuacct`` hierarchy is writable, the command runs in a group of its own: the
kernel charges every descendant to it, ``cpuacct.usage`` reads the total in nanoseconds, and
the group is removed afterwards. Otherwise the machine's busy time from ``/proc/stat`` over the
run stands in: every process on the machine counts, so it is an upper bound, and the data says
which method was used. Beside either, the machine's busy time and capacity over the run are
kept, so a reader can tell a CPU-bound run from one that waited.
"""

from __future__ import annotations

import os
import resource
import subprocess
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup/cpuacct")
PROC_STAT = Path("/proc/stat")
CGROUP = "cgroup-cpuacct"  # the command's processes only, grandchildren included
PROC_STAT_BUSY = "proc-stat-busy"  # every process on the machine: an upper bound
RUSAGE = "rusage-children"  # neither available: waited-for descendants only
METHODS = {
    CGROUP: "cgroup v1 cpuacct group holding the command and every process it started",
    PROC_STAT_BUSY: "busy time of the whole machine from /proc/stat (an upper bound)",
    RUSAGE: "getrusage(RUSAGE_CHILDREN): only descendants that were waited for",
}
# /proc/stat's aggregate line: user nice system idle iowait irq softirq steal guest guest_nice.
# guest time is already inside user and nice, so it is not added again.
BUSY_FIELDS = (0, 1, 2, 5, 6, 7)
IDLE_FIELDS = (3, 4)


@dataclass(frozen=True)
class Measured:
    """One measured run: how long, how it ended, what it printed and what CPU it used."""

    wall_s: float
    exit_code: int | None  # None: stopped after the timeout
    stdout: str
    cpu_s: float
    method: str
    machine_busy_s: float | None  # every process's, from /proc/stat
    machine_capacity_s: float | None  # all CPUs over the wall time, same ticks


def parse_proc_stat(text: str) -> tuple[int, int]:
    """Busy and total clock ticks of all CPUs, from the aggregate ``cpu`` line."""
    for line in text.splitlines():
        fields = line.split()
        if fields and fields[0] == "cpu":
            ticks = [int(x) for x in fields[1:]]
            ticks += [0] * (10 - len(ticks))  # older kernels have fewer columns
            busy = sum(ticks[i] for i in BUSY_FIELDS)
            return busy, busy + sum(ticks[i] for i in IDLE_FIELDS)
    raise ValueError("no aggregate 'cpu' line in /proc/stat")


def parse_cpuacct_usage(text: str) -> float:
    """``cpuacct.usage`` (nanoseconds, one integer) in seconds."""
    return int(text.strip()) / 1e9


def parse_own_cgroup(text: str) -> str:
    """The cpuacct group path in ``/proc/<pid>/cgroup`` (``2:cpuacct:/a/b`` gives ``a/b``)."""
    for line in text.splitlines():
        _, controllers, path = line.split(":", 2)
        if "cpuacct" in controllers.split(","):
            return path.strip("/")
    return ""


def own_group(root: Path = CGROUP_ROOT) -> Path:
    """The group this process is in: a new group goes inside it, so that a meter inside a
    measured command (this module's own test, run by the suite) is still counted by the outer
    one, cpuacct charging a group's children to it."""
    try:
        path = parse_own_cgroup(Path("/proc/self/cgroup").read_text(encoding="ascii"))
    except OSError:
        path = ""
    return root / path if path else root


def _machine_ticks() -> tuple[int, int] | None:
    try:
        return parse_proc_stat(PROC_STAT.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None


class CpuGroup:
    """A cgroup v1 cpuacct group for one command: ``open`` creates it, ``close`` removes it.

    ``join`` is called in the child between fork and exec (``preexec_fn``), so the command and
    everything it starts are charged to the group from their first instruction.
    """

    def __init__(self, root: Path | None = None, name: str | None = None) -> None:
        self.root = own_group() if root is None else root
        self.path = self.root / (name or f"benchmark-suite-{os.getpid()}")

    def open(self) -> None:
        self.path.mkdir()  # OSError where the hierarchy is absent or read-only
        if not (self.path / "cpuacct.usage").is_file():
            self.path.rmdir()
            raise OSError(f"{self.root} is not a cpuacct hierarchy")

    def join(self) -> None:
        (self.path / "cgroup.procs").write_text(str(os.getpid()), encoding="ascii")

    def used_s(self) -> float:
        return parse_cpuacct_usage((self.path / "cpuacct.usage").read_text(encoding="ascii"))

    def pids(self) -> list[int]:
        text = (self.path / "cgroup.procs").read_text(encoding="ascii")
        return [int(pid) for pid in text.split()]

    def close(self) -> None:
        """Hand any process still running (a server the command left behind) back to the
        enclosing group, unharmed, then remove the group, which only an empty group allows."""
        for _ in range(5):
            left = self.pids()
            if not left:
                break
            for pid in left:
                with suppress(OSError):  # it may have ended meanwhile
                    (self.root / "cgroup.procs").write_text(str(pid), encoding="ascii")
        with suppress(OSError):
            self.path.rmdir()


def children_cpu_s() -> float:
    """CPU time of every descendant waited for so far (user and system)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _open_group(root: Path | None) -> CpuGroup | None:
    group = CpuGroup(root)
    try:
        group.open()
    except OSError:
        return None
    return group


def _run(
    command: list[str], cwd: Path, env: dict[str, str], timeout: float, group: CpuGroup | None
) -> tuple[int | None, str]:
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
            preexec_fn=group.join if group else None,  # runs in the child before exec
        )
    except subprocess.TimeoutExpired:
        return None, ""
    return done.returncode, done.stdout


def _measure(
    command: list[str], cwd: Path, env: dict[str, str], timeout: float, group: CpuGroup | None
) -> Measured:
    method = CGROUP if group else PROC_STAT_BUSY if _machine_ticks() else RUSAGE
    ticks, rusage = _machine_ticks(), children_cpu_s()
    start = time.perf_counter()
    code, stdout = _run(command, cwd, env, timeout, group)
    wall = time.perf_counter() - start
    after = _machine_ticks()
    hz = os.sysconf("SC_CLK_TCK")
    busy = (after[0] - ticks[0]) / hz if ticks and after else None
    capacity = (after[1] - ticks[1]) / hz if ticks and after else None
    if group is not None:
        cpu = group.used_s()
    elif busy is not None:
        cpu = busy
    else:
        cpu = children_cpu_s() - rusage
    return Measured(wall, code, stdout, cpu, method, busy, capacity)


def run(
    command: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    timeout: float,
    cgroup_root: Path | None = None,
) -> Measured:
    """Run ``command`` to its end (or ``timeout``) and measure its wall and CPU time; the
    group is made inside ``cgroup_root`` (default: this process's own group)."""
    group = _open_group(cgroup_root)
    try:
        return _measure(command, cwd, env, timeout, group)
    except subprocess.SubprocessError:  # joining the group failed before the command began
        if group is None:
            raise
    finally:
        if group is not None:
            group.close()
    return _measure(command, cwd, env, timeout, None)
