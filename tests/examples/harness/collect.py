"""Gather every ``CASES`` list from ``tests/examples/cases/*.py``, and tell the kinds apart."""

from __future__ import annotations

import importlib
import pkgutil

import tests.examples.cases
from standin.replies import MessageReply
from standin.scenarios import Scenario, get

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


def scenario_of(case: Case) -> Scenario | None:
    return None if case.scenario is None else get(case.scenario)


def happy_path(case: Case) -> bool:
    """A case whose every reply is a whole stream, as the real API gives on request: no HTTP
    error, no cut, no broken upstream, and the snippet succeeds with its own settings."""
    if case.exit_code != 0 or {"ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"} & set(case.env):
        return False
    if case.serve is not None:  # servers of its own in front of the stand-in (case.py)
        return False
    scenario = scenario_of(case)
    if scenario is None:
        return True
    return all(
        isinstance(reply, MessageReply) and reply.cut is None and not reply.delta_before_start
        for reply in scenario.replies
    )
