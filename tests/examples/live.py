"""Live mode: ``pytest --live`` also runs the snippets against the real Messages API.

The stand-in proves each snippet byte for byte; live mode proves the same files still work
against the service itself. A real reply differs on every run, so a live run checks structure,
not text: the snippet exits as its case expects and prints something. Only cases whose
scenario the real API can produce on request are run (a happy path: no HTTP error, no cut,
no broken upstream), with the caller's ``ANTHROPIC_API_KEY`` and no base URL override.

Without ``--live`` nothing here is collected; with it but with no key, every live test is
skipped and says why. ``pytest --live -m live`` runs the live tests alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.examples.harness.case import Case

# This module is a plugin every pytest run loads, the xdist controller (which runs no test)
# included: what it needs of the stand-in, the cases and the runner is imported where it is
# used, so a run pays for the SDK's import only in the processes that run snippets.

OPTION = "--live"
NO_KEY = (
    "live mode needs a real key: set ANTHROPIC_API_KEY to run the snippets against the "
    "Messages API (each live test makes real, billed requests)"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        OPTION,
        action="store_true",
        help="also run every happy-path snippet against the real Messages API "
        "(needs ANTHROPIC_API_KEY; makes billed requests)",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Attach the live tests to this file, and only when ``--live`` is given."""
    if parent.config.getoption(OPTION) and file_path == Path(__file__):
        return LiveSnippets.from_parent(parent, path=file_path)
    return None


# Endings no request can ask for: a refusal is the model's choice, and a full context window
# takes a prompt the size of the window. A case scripted with one would pay for a run that
# does not show what it is about.
NOT_ON_REQUEST = frozenset({"refusal", "model_context_window_exceeded"})


def _endings(case: Case) -> set[str]:
    from standin.replies import MessageReply
    from tests.examples.harness.collect import scenario_of

    scenario = scenario_of(case)
    replies = scenario.replies if scenario is not None else ()
    return {r.stop_reason for r in replies if isinstance(r, MessageReply)}


def reproducible_live(case: Case) -> bool:
    """Whether the real API can be expected to answer this case's scenario as scripted. A case
    that points a cloud client at the stand-in (``{standin}`` in its variables) is left out:
    it needs that platform's account, not an API key; so is one whose reply ends in a way no
    request can ask for (``NOT_ON_REQUEST``)."""
    from tests.examples.harness.collect import happy_path

    return (
        happy_path(case)
        and not any("{standin" in v for v in case.env.values())
        and not _endings(case) & NOT_ON_REQUEST
    )


def live_cases() -> list[Case]:
    from tests.examples.cases import all_cases

    return [case for case in all_cases() if reproducible_live(case)]


def real_key() -> str | None:
    key = os.environ.get("ANTHROPIC_API_KEY", "").strip()
    return key if key and "fake" not in key else None


class LiveSnippets(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        for case in live_cases():
            item = LiveSnippet.from_parent(self, name=f"live[{case.id}]", case=case)
            item.add_marker(pytest.mark.live)
            item.add_marker(pytest.mark.timeout(case.timeout * 2))
            yield item


class LiveSnippet(pytest.Item):
    def __init__(self, *, case: Case, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.case = case

    def runtest(self) -> None:
        if real_key() is None:
            pytest.skip(NO_KEY)
        from tests.examples.harness.runner import run
        from tests.examples.harness.verdict import failure, judge

        result = run(self.case, None)
        where = f"{self.case.id} against the real API"
        judge(self.case, result, where, api=None)
        assert result.stdout.strip(), failure(where, "printed nothing", result)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.case.path, 0, f"live: {self.case.id}"
