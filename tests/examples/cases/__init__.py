"""Snippet cases, one module per page: each defines ``CASES``; ``all_cases`` gathers them.

The harness (``tests/examples/harness``) defines what a case is and how one runs, and imports
nothing from here: the cases build on it, never the other way round.
"""

from __future__ import annotations

import importlib
import pkgutil

from tests.examples.harness.case import Case


def all_cases() -> list[Case]:
    """Every module's ``CASES``, in module order; a case id declared twice is an error."""
    cases: list[Case] = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        cases.extend(module.CASES)
    ids = [c.id for c in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"cases declared twice: {duplicates}")
    return cases
