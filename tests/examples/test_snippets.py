"""Every snippet runs, unmodified, against the stand-in and prints exactly its golden output.

``pytest tests/examples/test_snippets.py --update-goldens`` rewrites the golden files from the run.
"""

from __future__ import annotations

import pytest

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.collect import all_cases
from tests.examples.harness.runner import run

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_snippet(case: Case, update_goldens: bool) -> None:
    with StandIn(case.scenario) as api:
        result = run(case, api)
        assert result.returncode == case.exit_code, (
            f"{case.id} exited {result.returncode}, expected {case.exit_code}\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
        if case.check is not None:
            case.check(result, api)
    produced = result.output()
    if update_goldens:
        case.golden.write_text(produced, encoding="utf-8")
        return
    assert case.golden.is_file(), f"no golden file {case.golden.name}: run with --update-goldens"
    assert produced == case.golden.read_text(encoding="utf-8"), (
        f"{case.id} printed something other than its golden file {case.golden.name} "
        "(the page shows that file): rerun with --update-goldens if the change is intended"
    )
