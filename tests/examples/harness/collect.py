"""Gather every ``CASES`` list from ``tests/examples/cases/*.py``."""

from __future__ import annotations

import importlib
import pkgutil

import tests.examples.cases

from .case import Case


def all_cases() -> list[Case]:
    cases: list[Case] = []
    for info in pkgutil.iter_modules(tests.examples.cases.__path__):
        module = importlib.import_module(f"tests.examples.cases.{info.name}")
        cases.extend(module.CASES)
    ids = [c.id for c in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"cases declared twice: {duplicates}")
    return cases
