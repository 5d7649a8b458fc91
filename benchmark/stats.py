"""Summaries of repeated measurements: median and spread, never a single lucky run."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any


def summarise(values: Sequence[float], digits: int = 6) -> dict[str, Any]:
    """Median, min, max and interquartile range of ``values`` (at least one)."""
    if not values:
        raise ValueError("no values to summarise")
    ordered = sorted(values)
    if len(ordered) >= 2:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    else:
        q1 = q3 = ordered[0]
    return {
        "median": round(statistics.median(ordered), digits),
        "min": round(ordered[0], digits),
        "max": round(ordered[-1], digits),
        "q1": round(q1, digits),
        "q3": round(q3, digits),
        "n": len(ordered),
        "values": [round(v, digits) for v in values],
    }
