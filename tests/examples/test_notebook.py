"""The notebook also runs on the oldest example Python, and holds to what its page promises.

The golden run (``test_snippets.py``) executes the notebook on a kernel of the suite's own
Python. A kernel costs seconds to start, so instead of every example Python the notebook runs
again on the oldest one only, where ``ipykernel`` and IPython are older releases (their
newest need Python 3.11), and must show the same outputs. The notebook file itself must be
stored with no outputs (what the page shows comes from the run) and name the one model id.
"""

from __future__ import annotations

import json
from pathlib import Path

from standin import StandIn
from tests.examples.cases.notebooks import CASES, NOTEBOOK
from tests.examples.harness.pythons import example_pythons
from tests.examples.harness.runner import run
from tests.support.paths import SNIPPETS
from tests.support.settings import MODEL

(CASE,) = CASES
OLDEST = min(example_pythons(), key=lambda p: tuple(int(n) for n in p.version.split(".")))


def _code_cells() -> list[dict]:
    notebook = json.loads((SNIPPETS / NOTEBOOK).read_text(encoding="utf-8"))
    return [c for c in notebook["cells"] if c["cell_type"] == "code"]


def test_the_notebook_runs_on_the_oldest_example_python(tmp_path: Path) -> None:
    problem = OLDEST.problem()
    assert problem is None, problem
    with StandIn(CASE.scenario) as api:
        result = run(CASE, api, python=OLDEST.python, cwd=tmp_path)
        assert result.returncode == 0, result.describe()
        assert CASE.check is not None
        CASE.check(result, api)
    assert result.output() == CASE.golden.read_text(encoding="utf-8"), (
        f"the notebook showed other outputs on Python {OLDEST.version} than its golden file"
    )


def test_the_notebook_is_stored_without_outputs() -> None:
    stored = [c["id"] for c in _code_cells() if c["outputs"] or c["execution_count"]]
    assert not stored, f"cells stored with outputs (clear them; the run makes them): {stored}"


def test_the_notebook_names_the_one_model_id() -> None:
    sources = ["".join(c["source"]) for c in _code_cells()]
    models = {line.split('"')[1] for s in sources for line in s.splitlines() if "model=" in line}
    assert models == {MODEL}, f"the notebook names {models}, the site uses {MODEL}"
