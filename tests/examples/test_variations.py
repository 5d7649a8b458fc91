"""Every happy-path example also works when the same request gets a differently shaped reply.

The golden run proves one stream byte for byte. Here each happy-path case runs again against
seeded variations of its replies (``standin/variations.py``): deltas carrying several lines, a
reply with no newline at all, multi-byte characters cut between reads, other words, events cut
into pieces of 1 byte up to whole events, pings anywhere, fields no client knows. The text
differs, so these runs check behaviour, not the golden file: the exit code, no traceback, and
everything the case itself asserts. A failure names its seed; the test id replays it.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from standin import StandIn
from standin.variations import Variation, vary_scenario
from tests.examples.harness.case import Case
from tests.examples.harness.checks import replies_fit_the_requests
from tests.examples.harness.collect import all_cases, happy_path, scenario_of
from tests.examples.harness.pythons import golden_python
from tests.examples.harness.runner import run
from tests.examples.harness.session import warm_interpreters

VARIATIONS_PER_CASE = 4
# A notebook is left out: each run starts a Jupyter kernel (seconds), and its cells make the
# same SDK calls as the .py examples that are varied here.
VARIED = [
    c
    for c in all_cases()
    if happy_path(c)
    and scenario_of(c) is not None
    and not c.one_shape
    and c.path.suffix != ".ipynb"
]


def seeds(case: Case) -> list[int]:
    """Stable per case, different between cases, one of each kind of text change."""
    base = zlib.crc32(case.id.encode()) % 10_000 * VARIATIONS_PER_CASE
    return [base + n for n in range(VARIATIONS_PER_CASE)]


PARAMS = [pytest.param(c, s, id=f"{c.id}-seed{s}") for c in VARIED for s in seeds(c)]


@pytest.mark.parametrize(("case", "seed"), PARAMS)
def test_snippet_with_a_varied_reply(case: Case, seed: int, tmp_path: Path) -> None:
    scenario = scenario_of(case)
    assert scenario is not None
    variation = Variation(seed)
    with StandIn(vary_scenario(scenario, seed)) as api:
        result = run(case, api, warm=warm_interpreters()[golden_python().version], cwd=tmp_path)
        where = f"{case.id} with {variation.describe()}"
        replies_fit_the_requests(result, api)
        assert result.returncode == case.exit_code, (
            f"{where} exited {result.returncode}, expected {case.exit_code}\n" + result.describe()
        )
        assert "Traceback" not in result.stderr, f"{where} printed a traceback\n{result.stderr}"
        if case.check is not None:
            try:
                case.check(result, api)
            except AssertionError as failure:
                raise AssertionError(f"{where}: {failure}\n{result.describe()}") from failure
