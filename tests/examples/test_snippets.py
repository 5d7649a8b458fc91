"""Every snippet runs, unmodified, against the stand-in and prints exactly its golden output,
on this suite's Python and on every Python the examples support.

``test_snippet`` is the golden run, on this suite's Python version in an environment holding only
the packages a reader installs (``.pythons/<version>``): the first case of each snippet file
runs cold (a fresh interpreter, as a reader starts it), the others warm.
``test_snippet_on_python`` runs every Python case again on each other example Python.
``make regen`` (``--update-goldens``) rewrites the golden files from the golden run, through
``tests/support/generated.py``. Whether a run passes is decided in ``harness/verdict.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from standin import StandIn
from tests.examples.cases import all_cases
from tests.examples.harness.case import Case
from tests.examples.harness.pythons import ExamplePython, example_pythons, golden_python
from tests.examples.harness.runner import run
from tests.examples.harness.verdict import judge, own_check, warm_interpreter
from tests.support.generated import check_or_write

CASES = all_cases()
COLD = {c.id for c in {c.snippet: c for c in reversed(CASES)}.values()}
PYTHON_CASES = [c for c in CASES if c.path.suffix == ".py"]
GOLDEN = golden_python()
PYTHONS = [p for p in example_pythons() if p != GOLDEN]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_snippet(case: Case, update_goldens: bool, tmp_path: Path) -> None:
    problem = GOLDEN.problem()
    assert problem is None, problem
    cold = case.id in COLD
    with StandIn(case.scenario) as api:
        warm = None if cold else warm_interpreter(GOLDEN.version)
        result = run(case, api, warm=warm, python=GOLDEN.python, cwd=tmp_path)
        where = f"{case.id} (cold start)" if cold else case.id
        judge(case, result, where, api=api)
        own_check(case, result, api, where)
    check_or_write(
        case.golden, result.output(), update=update_goldens, mask=case.stable, where=case.id
    )


@pytest.mark.parametrize("python", PYTHONS, ids=[p.version for p in PYTHONS])
@pytest.mark.parametrize("case", PYTHON_CASES, ids=[c.id for c in PYTHON_CASES])
def test_snippet_on_python(case: Case, python: ExamplePython, tmp_path: Path) -> None:
    problem = python.problem()
    assert problem is None, problem
    where = f"{case.id} on Python {python.version}"
    with StandIn(case.scenario) as api:
        result = run(case, api, warm=warm_interpreter(python.version), cwd=tmp_path)
        judge(case, result, where, api=api)
        own_check(case, result, api, where)
    check_or_write(case.golden, result.output(), update=False, mask=case.stable, where=where)
