"""Each scenario lives in the module its kind names, so a newcomer can guess where one is.

The rule, by a scenario's first reply: an HTTP error status goes in ``http_errors``; a 200
stream that breaks part-way (an error event, a cut, a stall, a delta before its block) goes in
``broken_streams``; a whole stream goes in ``answers``. Bodies shared between them live in
``contents``, which defines no scenario.
"""

from __future__ import annotations

import pytest

from standin.replies import FromRequest, HttpError, MessageReply, Reply
from standin.scenarios import SCENARIOS, answers, broken_streams, contents, http_errors
from tests.support.settings import MODEL

MODULES = {"answers": answers, "broken_streams": broken_streams, "http_errors": http_errors}
PLAIN_REQUEST = {"model": MODEL, "max_tokens": 64, "messages": [{"role": "user", "content": "Hi"}]}


def kind_of(reply: Reply) -> str:
    if isinstance(reply, FromRequest):
        reply = reply.compute(PLAIN_REQUEST)
    if isinstance(reply, HttpError):
        return "http_errors"
    assert isinstance(reply, MessageReply)
    if reply.cut is not None or reply.delta_before_start:
        return "broken_streams"
    return "answers"


def home_of(name: str) -> str:
    homes = [label for label, module in MODULES.items() if name in module.SCENARIOS]
    assert len(homes) == 1, f"{name} is defined in {homes}"
    return homes[0]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario_lives_in_the_module_of_its_kind(name: str) -> None:
    expected = kind_of(SCENARIOS[name].replies[0])
    assert home_of(name) == expected, (
        f"scenario {name!r} starts with a reply of kind {expected!r}: move it to "
        f"standin/scenarios/{expected}.py"
    )


def test_the_rule_sees_every_kind() -> None:
    kinds = {kind_of(scenario.replies[0]) for scenario in SCENARIOS.values()}
    assert kinds == set(MODULES)


def test_contents_defines_no_scenario() -> None:
    assert not hasattr(contents, "SCENARIOS")


def test_no_scenario_repeats_a_status_scenario() -> None:
    """A scenario that is one HTTP error on every attempt is ``status_<code>``, once."""
    singles = {
        name: scenario.replies[0]
        for name, scenario in SCENARIOS.items()
        if len(scenario.replies) == 1 and isinstance(scenario.replies[0], HttpError)
    }
    for name, error in singles.items():
        assert name == f"status_{error.status}", f"{name} repeats status_{error.status}"
