"""Named scenarios: the scripted answers a test (or a reader's manual run) chooses from.

Each kind has its module, chosen by a scenario's first reply: ``answers`` (a whole stream),
``broken_streams`` (a 200 stream that breaks part-way) and ``http_errors`` (an error status).
Each defines ``SCENARIOS``, a dict of name to ``Scenario``; they are merged below and a name may
be defined once only. The reply bodies they share are in ``contents``.
"""

from __future__ import annotations

from types import ModuleType

from . import answers, broken_streams, http_errors
from .model import Scenario

_MODULES: tuple[ModuleType, ...] = (answers, broken_streams, http_errors)


def _merge(modules: tuple[ModuleType, ...]) -> dict[str, Scenario]:
    merged: dict[str, Scenario] = {}
    for module in modules:
        for name, scenario in module.SCENARIOS.items():
            if name in merged:
                raise ValueError(f"scenario {name!r} is defined twice (again in {module.__name__})")
            merged[name] = scenario
    return merged


SCENARIOS: dict[str, Scenario] = _merge(_MODULES)


def get(name: str) -> Scenario:
    try:
        return SCENARIOS[name]
    except KeyError:
        known = ", ".join(sorted(SCENARIOS))
        raise KeyError(f"unknown scenario {name!r}; known: {known}") from None


__all__ = ["SCENARIOS", "Scenario", "get"]
