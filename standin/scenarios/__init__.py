"""Named scenarios: the scripted answers a test (or a reader's manual run) chooses from.

Each module here defines ``SCENARIOS``, a dict of name to ``Scenario``; they are merged below
and a name may be defined once only.
"""

from __future__ import annotations

from types import ModuleType

from . import basic, examples_faults, faults, features, http_errors
from .model import Scenario

_MODULES: tuple[ModuleType, ...] = (basic, faults, features, http_errors, examples_faults)


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
