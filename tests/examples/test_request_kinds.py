"""Snippets that take the kind of request to send from their command line (``python raw_sse.py
thinking``): each kind is one request in the file, and a page shows its output beside the command.

Run with no kind, or one the file does not have, such a snippet prints its usage (the kinds it
knows) to standard error, exits with status 2 and sends nothing. Every kind it knows is run by
a snippet case, so every request in the file has been sent and has got a reply that fits it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from standin import StandIn
from tests.examples.cases import all_cases
from tests.examples.harness.case import Case
from tests.examples.harness.pythons import golden_python
from tests.examples.harness.runner import run
from tests.examples.harness.verdict import warm_interpreter

SNIPPETS = (
    "reference/raw_sse.py",
    "getting-started/raw_events.py",
    "reference/helper_events.py",
    "reference/stop_reason.py",
)
WRONG_ARGUMENTS = [(), ("nonsense",), ("text", "thinking")]


def _usage(snippet: str, args: tuple[str, ...], cwd: Path) -> str:
    """The usage line the snippet prints for ``args``; it must exit 2 and send nothing."""
    case = Case(snippet, None, args=args, exit_code=2)
    with StandIn(None) as api:
        result = run(case, api, warm=warm_interpreter(golden_python().version), cwd=cwd)
        assert not api.requests, f"{snippet} {args}: sent a request"
    assert result.returncode == 2, (
        f"{snippet} {args}: exit {result.returncode}\n{result.describe()}"
    )
    assert result.stdout == "", f"{snippet} {args}: printed {result.stdout!r}"
    name = Path(snippet).name
    prefix = f"usage: python {name} "
    assert result.stderr.startswith(prefix), f"{snippet} {args}: {result.stderr!r}"
    return result.stderr.strip()


@pytest.mark.parametrize("args", WRONG_ARGUMENTS, ids=lambda a: " ".join(a) or "none")
@pytest.mark.parametrize("snippet", SNIPPETS)
def test_a_wrong_kind_prints_the_usage_and_sends_nothing(
    snippet: str, args: tuple[str, ...], tmp_path: Path
) -> None:
    _usage(snippet, args, tmp_path)


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_every_kind_is_run_by_a_case(snippet: str, tmp_path: Path) -> None:
    usage = _usage(snippet, ("nonsense",), tmp_path)
    offered = set(usage.rsplit(" ", 1)[1].split("|"))
    cases = [c for c in all_cases() if c.snippet == snippet]
    run_kinds = {c.args[0] for c in cases if c.args}
    assert all(len(c.args) == 1 for c in cases), f"{snippet}: a case without exactly one kind"
    assert offered == run_kinds, (
        f"{snippet}: offers {sorted(offered)}, cases run {sorted(run_kinds)}"
    )
