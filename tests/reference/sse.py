"""Parse the raw SSE golden files (what the stream-events page shows) back into events."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.paths import ROOT


@dataclass(frozen=True)
class WireEvent:
    name: str
    data: dict[str, Any]
    line: int  # 1-based line number of the event: line


def parse(path: Path) -> list[WireEvent]:
    """Each event is an ``event:`` line, a ``data:`` line and a blank line, nothing else."""
    lines = path.read_text(encoding="utf-8").splitlines()
    events: list[WireEvent] = []
    for start in range(0, len(lines), 3):
        name_line, data_line, *blank = lines[start : start + 3]
        assert name_line.startswith("event: "), f"{path.name}:{start + 1}: {name_line!r}"
        assert data_line.startswith("data: "), f"{path.name}:{start + 2}: {data_line!r}"
        assert blank in ([], [""]), f"{path.name}:{start + 3}: expected a blank line"
        events.append(WireEvent(name_line[7:], json.loads(data_line[6:]), start + 1))
    return events


def lines(relative: str, start: int, end: int) -> list[str]:
    return (ROOT / relative).read_text(encoding="utf-8").splitlines()[start - 1 : end]
