"""Every happy-path example also works with every other reply its request could really get.

The golden run proves one reply byte for byte. The API's types allow others for the same
request (``standin/alternatives.py``), and each happy-path case runs again against:

- **its seeded variations** (``standin/variations.py``): one run for each kind of text change
  (several lines per delta, no newline, multi-byte characters, other words), each also with
  events cut at random bytes, pings anywhere and fields no client knows. The reply still ends as
  the scenario's does, so the case's own ``check`` holds too;
- **each alternative ending**: a refusal with no text (its category taken in turn from the
  SDK's), a refusal after some text, ``max_tokens`` and ``model_context_window_exceeded``
  part-way; with web search offered, a paused turn and a failed search (each error code); with
  tools offered, a second tool call; with stop sequences set, one of them. An alternative is
  applied only where the fit rules say the request could get it; a program that never sends
  such a request skips the run and says so.

Every run also takes a bundle of optional fields, in turn ``sparse`` (usage counts left out of
``message_start`` and ``message_delta``, no ``stop_details``, no ``caller``, no citations) and
``rich`` (more usage fields, ``caller`` on server tool blocks, two ``message_delta`` events):
none of them changes what an alternative does. The runs of one case take each example Python in
turn, so every case meets every Python and every alternative meets several.

The text differs, so these runs check behaviour: the exit code (or, for a reply that did not
end with ``end_turn``, a deliberate exit 1 that names why), no traceback, the replies fit the
requests, no ``None`` where the golden run printed a value (``harness/behaviour.py``), and a
reply that ended for another reason than ``end_turn`` named in the output, when the program read
it to its end. A failure names the case, the alternative and its seed, and the Python; the test
id replays it.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from standin import StandIn
from standin.alternatives import (
    BUNDLES,
    CONTEXT_WINDOW,
    MAX_TOKENS,
    PAUSE_TURN,
    REFUSAL_AFTER_TEXT,
    REFUSAL_CATEGORIES,
    STOP_SEQUENCE,
    WEB_SEARCH_ERROR_CODES,
    Alternative,
    Trial,
    refusal_with_no_text,
    scenario_with,
    tool_call,
    web_search_error,
)
from standin.replies import MessageReply, Reply, ServerToolUse, ToolUse
from tests.examples.cases import all_cases
from tests.examples.harness.behaviour import names, new_nones, read_to_the_end
from tests.examples.harness.case import Case
from tests.examples.harness.collect import happy_path, scenario_of
from tests.examples.harness.pythons import ExamplePython, example_pythons
from tests.examples.harness.runner import run
from tests.examples.harness.verdict import failure, judge, own_check, warm_interpreter

VARIATIONS_PER_CASE = 4
CASES = all_cases()
PYTHONS = example_pythons()
# Left out: a case with no scenario reaches no reply (it makes no request, or is refused at the
# door); a case that holds for its scenario's exact bytes only (``Case.takes_other_replies``); and the
# notebook, whose every run starts a Jupyter kernel (seconds) to make the same SDK calls as
# getting-started/stream_text.py, which meets every alternative here.
ALTERED = [
    c
    for c in CASES
    if happy_path(c)
    and scenario_of(c) is not None
    and c.takes_other_replies
    and c.path.suffix != ".ipynb"
]


def _number(case: Case) -> int:
    return zlib.crc32(case.id.encode())


def seeds(case: Case) -> list[int]:
    """Stable per case, different between cases, one of each kind of text change."""
    base = _number(case) % 10_000 * VARIATIONS_PER_CASE
    return [base + n for n in range(VARIATIONS_PER_CASE)]


def _replies(case: Case) -> tuple[Reply, ...]:
    scenario = scenario_of(case)
    return scenario.replies if scenario is not None else ()


def _blocks(case: Case) -> list[object]:
    return [b for r in _replies(case) if isinstance(r, MessageReply) for b in r.blocks]


def offers_tools(case: Case) -> bool:
    """The program offers a client tool: its scenario, or another case's of the same program
    with the same arguments, calls one (a reply may call only a tool offered: fit.py)."""
    return any(
        isinstance(b, ToolUse)
        for other in CASES
        if other.snippet == case.snippet and other.args == case.args
        for b in _blocks(other)
    )


def _changes(alternative: Alternative, reply: Reply) -> bool:
    return not isinstance(reply, MessageReply) or alternative.build(reply, {}) is not None


def endings(case: Case) -> list[Alternative]:
    """The alternative endings this case's requests can get."""
    categories = (*REFUSAL_CATEGORIES, None)
    found = [
        refusal_with_no_text(categories[_number(case) % len(categories)]),
        REFUSAL_AFTER_TEXT,
        MAX_TOKENS,
        CONTEXT_WINDOW,
    ]
    if any(isinstance(b, ServerToolUse) for b in _blocks(case)):  # web search is offered
        found += [PAUSE_TURN, *(web_search_error(code) for code in WEB_SEARCH_ERROR_CODES)]
    # Left out: an alternative that changes none of the scenario's replies (max_tokens cannot
    # cut a refusal with no text). These builders read nothing of the request; a reply made
    # from the request (FromRequest) is not known before it.
    found = [a for a in found if any(_changes(a, r) for r in _replies(case))]
    if offers_tools(case):
        found.append(tool_call(None))
    if "stop_sequences" in case.path.read_text(encoding="utf-8"):
        found.append(STOP_SEQUENCE)
    return found


def trials(case: Case) -> list[Trial]:
    varied = [Trial(None, BUNDLES[n % 2], seed) for n, seed in enumerate(seeds(case))]
    ended = [Trial(a, BUNDLES[(n + 1) % 2]) for n, a in enumerate(endings(case))]
    return varied + ended


def _params() -> list[object]:
    params = []
    for case in ALTERED:
        for n, trial in enumerate(trials(case)):
            python = PYTHONS[(_number(case) + n) % len(PYTHONS)]
            name = f"{case.id}-{trial.name}-{python.version}"
            params.append(pytest.param(case, trial, python, id=name))
    return params


@pytest.mark.parametrize(("case", "trial", "python"), _params())
def test_snippet_with_another_reply(
    case: Case, trial: Trial, python: ExamplePython, tmp_path: Path
) -> None:
    problem = python.problem()
    assert problem is None, problem
    warm = warm_interpreter(python.version)
    scenario = scenario_of(case)
    assert scenario is not None
    where = f"{case.id} with {trial.describe()}, on Python {python.version}"
    altered, tally = scenario_with(scenario, trial)
    with StandIn(altered) as api:
        result = run(case, api, warm=warm, cwd=tmp_path)
        stop = trial.alternative.stop_reason if trial.alternative else None
        judge(case, result, where, api=api, stopped_by=stop, no_traceback=True)
        golden = case.golden.read_text(encoding="utf-8") if case.golden.is_file() else ""
        nones = new_nones(result.output(), golden)
        assert not nones, failure(
            where,
            "printed None where its golden run printed a value:\n  " + "\n  ".join(nones),
            result,
        )
        if stop is not None and not case.names_any_ending:
            assert result.stdout.strip(), failure(where, "printed nothing", result)
        elif stop is not None and read_to_the_end(api, stop):
            assert names(result.stdout + result.stderr, stop), failure(
                where,
                f"read a reply that ended with stop_reason {stop!r}, and the output does not say so",
                result,
            )
        if trial.alternative is None:
            own_check(case, result, api, where)
    if trial.alternative is not None and not tally.applied:
        pytest.skip(f"{where}: the program sent no request that could get this alternative")
