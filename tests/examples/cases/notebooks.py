"""The notebook page: one notebook, run on a real Jupyter kernel (``harness/notebook.py``).

Its golden holds every code cell's output between section markers named after the cells, so
the page shows each cell's output under that cell.
"""

from __future__ import annotations

import json

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import all_of, sent_streaming_requests
from tests.examples.harness.runner import Run

NOTEBOOK = "notebooks/stream_in_a_notebook.ipynb"


def _report(run: Run) -> dict[str, dict[str, int]]:
    return json.loads((run.cwd / "notebook-run.json").read_text(encoding="utf-8"))


def printed_as_it_arrived(run: Run, api: StandIn) -> None:
    """The sync client's cell reached the notebook in several pieces, not once at the end."""
    pieces = _report(run)["printed_pieces"].get("sync-client", 0)
    assert pieces > 1, f"the sync client's text reached the notebook in {pieces} piece(s)"


def updated_the_display_in_place(run: Run, api: StandIn) -> None:
    """The live-display cell replaced one output as text arrived: the kernel sent it several
    updates (a display shown once at the end would have none)."""
    updates = _report(run)["display_updates"].get("live-display", 0)
    assert updates > 1, f"the live display was updated {updates} time(s), not as text arrived"


CASES = [
    # Three cells stream; the asyncio.run() cell fails before it sends anything.
    Case(
        NOTEBOOK,
        "text",
        check=all_of(
            sent_streaming_requests(3), printed_as_it_arrived, updated_the_display_in_place
        ),
        timeout=90.0,
    ),
]
