"""How fast this machine is, in the unit the suite spends most on: ``import anthropic``.

CPU-seconds differ between machines (the same suite took about twice the CPU time on one of
this project's 2-CPU machines as on another), so a suite figure is read beside the
CPU time a fresh interpreter takes to import the SDK, measured on the same machine just before
the suite: every cold run of an example pays it, and it is most of what such a run costs. Two
suite figures from different machines compare by their ratio to it.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from . import cpu_time
from .stats import summarise

REPEATS = 5
COMMAND = [sys.executable, "-c", "import anthropic"]


def sdk_import_cpu_s(repeats: int = REPEATS) -> dict[str, Any]:
    """The CPU time of ``python -c "import anthropic"``, each a fresh interpreter, summarised."""
    times = []
    for _ in range(repeats):
        before = cpu_time.children_cpu_s()
        done = subprocess.run(COMMAND, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(COMMAND)} failed:\n{done.stderr}")
        times.append(cpu_time.children_cpu_s() - before)
    return summarise(times, 3)
