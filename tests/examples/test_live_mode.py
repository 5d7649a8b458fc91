"""Live mode (``tests/examples/live.py``): what it runs, with which environment, and only when asked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from standin.replies import HttpError
from standin.scenarios import get
from tests.examples import live
from tests.examples.cases import all_cases
from tests.examples.harness import session
from tests.examples.harness.case import Case
from tests.examples.harness.runner import environment
from tests.examples.live import NO_KEY, live_cases, pytest_collect_file, reproducible_live
from tests.support.paths import ROOT

PYTEST = (sys.executable, "-m", "pytest")


def test_fault_scenarios_are_not_run_live() -> None:
    for case in all_cases():
        if isinstance(case.scenario, str):
            replies = get(case.scenario).replies
            if any(isinstance(r, HttpError) or getattr(r, "cut", None) for r in replies):
                assert not reproducible_live(case), f"{case.id} cannot be reproduced live"


def test_endings_no_request_can_ask_for_are_not_run_live() -> None:
    assert not reproducible_live(Case("getting-started/stream_text.py", "refusal"))
    assert not reproducible_live(Case("reference/stop_reason.py", "model_context_window_exceeded"))
    assert reproducible_live(Case("getting-started/stream_text.py", "text"))


def test_happy_paths_are_run_live_and_failures_are_not() -> None:
    assert reproducible_live(Case("reference/raw_sse.py", "text"))
    assert reproducible_live(Case("reference/raw_sse.py", None))
    assert not reproducible_live(Case("reference/status_errors.py", "status_529"))
    assert not reproducible_live(Case("reference/stop_reason.py", "ended_early", exit_code=1))
    assert not reproducible_live(Case("x.py", None, env={"ANTHROPIC_API_KEY": "not-a-key"}))
    assert live_cases(), "no case would run live"


def test_a_live_run_uses_the_real_api_and_the_callers_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-fake-key-of-the-caller")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "http://127.0.0.1:9")
    env = environment(None, {})
    assert "ANTHROPIC_BASE_URL" not in env, "live runs must not be redirected"
    assert env["ANTHROPIC_API_KEY"] == "sk-ant-fake-key-of-the-caller"


class _Config:
    def __init__(self, live: bool) -> None:
        self.live = live

    def getoption(self, name: str) -> bool:
        assert name == "--live"
        return self.live


class _Parent:
    def __init__(self, live: bool) -> None:
        self.config = _Config(live)


def test_without_the_option_nothing_is_collected() -> None:
    found = pytest_collect_file(Path(live.__file__), _Parent(live=False))  # type: ignore[arg-type]
    assert found is None


def test_with_the_option_but_no_key_live_tests_skip_and_say_why() -> None:
    """One real pytest run: ``--live`` collects the live cases, and with no key skips each."""
    done = subprocess.run(
        [
            *PYTEST,
            "-q",
            "-rs",
            "-p",
            "no:xdist",
            "--live",
            "-k",
            "raw_sse",
            "tests/examples/live.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        # Live runs start cold: no warm interpreters for this session (four, otherwise).
        env={**environment(None, {}), "ANTHROPIC_API_KEY": "", session.VARIABLE: "{}"},
    )
    expected = len([c for c in live_cases() if "raw_sse" in c.id])
    assert done.returncode == 0, done.stdout[-2000:]
    assert f"{expected} skipped" in done.stdout, done.stdout[-2000:]
    assert NO_KEY[:60] in " ".join(done.stdout.split()), done.stdout[-2000:]
