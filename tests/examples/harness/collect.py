"""Tell the kinds of case apart: the scenario a case runs against, and whether it is a happy path.

The cases themselves are gathered by ``tests.examples.cases.all_cases``: the harness imports
nothing from the cases, which build on it.
"""

from __future__ import annotations

from standin.replies import MessageReply
from standin.scenarios import Scenario, get

from .case import Case


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
