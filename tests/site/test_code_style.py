"""Lint and format gates: ruff over every Python file of the project, pytest-examples over inline page code."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from tests.support.paths import DOCS, ROOT


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_lint() -> None:
    done = _ruff("check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format() -> None:
    done = _ruff("format", "--check", ".")
    assert done.returncode == 0, "run `make format`:\n" + done.stdout + done.stderr


def _inline_python() -> list[CodeExample]:
    """Python blocks written in a page (include-only blocks are files checked by ruff above)."""
    return [
        ex
        for ex in find_examples(str(DOCS))
        if ex.prefix.split(" ", 1)[0] in ("py", "python") and "--8<--" not in ex.source
    ]


INLINE = _inline_python()


def test_inline_examples_are_found() -> None:
    """Guards the filter above: the pages hold at least one inline Python example."""
    assert INLINE, "no inline Python block found in docs/: the filter may be broken"


@pytest.mark.parametrize("example", INLINE, ids=str)
def test_inline_python_is_linted_and_runs(example: CodeExample, eval_example: EvalExample) -> None:
    eval_example.set_config(line_length=100, ruff_ignore=["D", "T201"])
    eval_example.lint_ruff(example)
    eval_example.run_print_check(example)
