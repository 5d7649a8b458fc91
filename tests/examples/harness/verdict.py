"""The one verdict on a snippet's run, and the one way to find a session's warm interpreter.

A snippet runs in four settings: the golden run, on each other example Python, against another
reply its request could get (``test_alternatives.py``) and against the real API (``live.py``).
Each holds the run to what the case expects; deciding that in one place keeps them from
drifting apart (one forgetting the replies' fit, one formatting its failure otherwise), and
every failure shows the run's output the same way (``--- stdout`` / ``--- stderr``).
"""

from __future__ import annotations

from standin import StandIn

from .behaviour import names
from .case import Case, Run
from .checks import replies_fit_the_requests
from .session import warm_interpreters
from .warm import WarmInterpreter


def warm_interpreter(version: str) -> WarmInterpreter:
    """The session's warm interpreter for an example Python (``3.10``...)."""
    interpreters = warm_interpreters()
    assert version in interpreters, f"no warm interpreter {version!r} was started for this session"
    return interpreters[version]


def failure(where: str, what: str, result: Run) -> str:
    """A failure message: where the run was, what went wrong, and all it printed."""
    return f"{where} {what}\n{result.describe()}"


def judge(
    case: Case,
    result: Run,
    where: str,
    *,
    api: StandIn | None,
    stopped_by: str | None = None,
    no_traceback: bool = False,
) -> None:
    """Hold a run to its case: its replies fit its requests (when it ran against the stand-in),
    it printed no traceback (``no_traceback``: when its text is not held to a golden that may
    show one), and it exited as expected. A reply that ended with ``stopped_by`` may instead be
    met with a clean exit 1 that names why: a program may treat an unfinished reply as a
    failure."""
    if api is not None:
        replies_fit_the_requests(result, api)
    printed = result.stdout + result.stderr
    if no_traceback:
        assert "Traceback" not in printed, failure(where, "printed a traceback", result)
    stopped_cleanly = (
        stopped_by is not None and result.returncode == 1 and names(printed, stopped_by)
    )
    assert result.returncode == case.exit_code or stopped_cleanly, failure(
        where, f"exited {result.returncode}, expected {case.exit_code}", result
    )


def own_check(case: Case, result: Run, api: StandIn, where: str) -> None:
    """The case's own ``check``, its failure told with where the run was and what it printed."""
    if case.check is None:
        return
    try:
        case.check(result, api)
    except AssertionError as problem:
        raise AssertionError(failure(where, f"failed its check: {problem}", result)) from problem
