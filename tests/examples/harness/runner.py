"""Run one snippet as a reader would: a fresh process, configured only by the environment."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass

from standin import StandIn
from tests.support.paths import ROOT

from .case import Case

FAKE_KEY = "sk-ant-fake-key-for-the-local-stand-in"
_PORT = re.compile(r"127\.0\.0\.1:\d+")


@dataclass
class Run:
    case: Case
    returncode: int
    stdout: str
    stderr: str

    @property
    def error_line(self) -> str:
        """The last line of stderr: the exception a reader sees at the bottom of a traceback."""
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return lines[-1] if lines else ""

    def output(self) -> str:
        """What the golden file holds, with the random test port shown as PORT."""
        text = self.stdout
        if self.case.output == "stdout+error":
            if text and not text.endswith("\n"):
                text += "\n"  # a traceback's last line is a line of its own in a terminal
            text += self.error_line + "\n"
        return _PORT.sub("127.0.0.1:PORT", text)


def command(case: Case) -> list[str]:
    if case.path.suffix == ".sh":
        return ["bash", str(case.path)]
    return [sys.executable, str(case.path)]


def environment(api: StandIn | None, extra: dict[str, str]) -> dict[str, str]:
    """The snippet's whole environment. With ``api=None`` it talks to the real API: no base
    URL override, and the caller's own ``ANTHROPIC_API_KEY``."""
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "SYSTEMROOT")}
    if api is None:
        target = {"ANTHROPIC_API_KEY": os.environ.get("ANTHROPIC_API_KEY", "")}
    else:
        target = {"ANTHROPIC_BASE_URL": api.url, "ANTHROPIC_API_KEY": FAKE_KEY}
    return {
        **keep,
        **target,
        "PYTHONUNBUFFERED": "1",
        "PYTHONIOENCODING": "utf-8",
        **extra,
    }


def run(case: Case, api: StandIn | None) -> Run:
    if not case.path.is_file():
        raise FileNotFoundError(f"snippet not found: {case.path}")
    try:
        done = subprocess.run(
            command(case),
            cwd=ROOT,
            env=environment(api, dict(case.env)),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if case.output == "combined" else subprocess.PIPE,
            text=True,
            encoding="utf-8",
            timeout=case.timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(
            f"{case.id} did not finish within {case.timeout:.0f}s; output so far:\n{exc.stdout}"
        ) from None
    return Run(case, done.returncode, done.stdout, done.stderr or "")
