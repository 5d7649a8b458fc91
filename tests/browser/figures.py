"""What the per-page checks measure, summed up at the end of a run.

Checks put their figures in ``Visit.figures``; ``test_every_page`` records them on its report
(``record_property``, which xdist carries back from its workers), and ``conftest.py`` prints
the summary: the heaviest first load, the program blocks that scroll sideways, the code names
in tables and the short titles that wrap, and the tabs that do not fit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

RecordProperty = Callable[[str, object], None]

FIGURES = (
    "first-load bytes",
    "program blocks",
    "program blocks scrolling sideways",
    "code names in tables",
    "code names in tables wrapping",
    "short titles wrapping",
    "tab rows scrolling on a phone",
    "tabbed sets inside tabbed sets",
)


def summary(reports: Iterable[pytest.TestReport]) -> list[str]:
    """One line per figure over every page measured: the total, and the largest by page."""
    by_page: dict[str, dict[str, int]] = {}
    for report in reports:
        figures = {k: v for k, v in report.user_properties if k in FIGURES}
        if figures:
            by_page[report.nodeid.rsplit("[", 1)[-1].rstrip("]")] = figures
    if not by_page:
        return []
    lines = [f"{len(by_page)} pages measured"]
    for name in FIGURES:
        values = {page: f[name] for page, f in by_page.items() if name in f}
        if not values:
            continue
        top = max(values, key=values.__getitem__)
        if values[top] == 0:
            lines.append(f"{name}: 0 on every page")
        else:
            lines.append(f"{name}: total {sum(values.values())}, largest {values[top]} ({top})")
    return lines


LANDING = "landing to program, px: "  # test_home_tasks.py: one figure per task of the home page


def landing_distances(reports: Iterable[pytest.TestReport]) -> list[str]:
    """One line per task of the home page: how far below the landing point its program starts."""
    return [
        f"{value:>5} px  {name.removeprefix(LANDING)}"
        for report in reports
        for name, value in report.user_properties
        if name.startswith(LANDING)
    ]
