"""A snippet test case (which snippet, which scenario, what it must do) and what one run gave.

Cases are declared in ``tests/examples/cases/<page>.py`` as ``CASES = [Case(...)]``; one snippet may
have several cases (the same code under different scenarios), each with its own golden file,
named after the scenario it ran: ``<stem>.<scenario>.out.txt``. A run that reaches no scenario
(it makes no request, or the stand-in's front door refuses it) is ``<stem>.out.txt``, or
``<stem>.<variant>.out.txt`` when the case names what it changes (``variant="bad_key"``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tests.support.paths import GOLDEN_SUFFIX, SNIPPETS

if TYPE_CHECKING:
    from standin import StandIn

_PORT = re.compile(r"127\.0\.0\.1:\d+")


@dataclass(frozen=True)
class Case:
    """``capture`` picks what the golden file holds: stdout alone; ``combined``, stdout and
    stderr interleaved as a terminal shows them; or ``stdout+error``, stdout then the last
    line of stderr (the exception at the bottom of a traceback)."""

    snippet: str
    # A scenario name (``python -m standin --list``), or None: answers follow the request.
    scenario: str | None
    # Added to the golden's name after the scenario's: only for a run that reaches no scenario,
    # or to tell apart two cases of one snippet under the same scenario.
    variant: str = ""
    # Command-line arguments, as a page shows them (``python raw_sse.py thinking``).
    args: tuple[str, ...] = ()
    exit_code: int = 0
    env: Mapping[str, str] = field(default_factory=dict)
    capture: Literal["stdout", "combined", "stdout+error"] = "stdout"
    check: Check | None = None
    timeout: float = 60.0
    # Why this case holds for its scenario's exact bytes only: a mistake shown breaking on one
    # framing. Such a case is not run against other replies (test_alternatives.py).
    one_shape: str = ""
    # Why this program cannot learn how a reply it could not use ended (the SDK raises before
    # the stop reason arrives): against another ending it must still print, with no traceback,
    # but need not name the stop reason.
    ending_unread: str = ""
    # What the program talks to besides the stand-in (a relay, a proxy in front of it): given
    # the stand-in, a context manager that starts them and yields more command-line arguments
    # (their URL, say). Such a case runs against the stand-in only: not live, not varied.
    serve: Callable[[StandIn], AbstractContextManager[tuple[str, ...]]] | None = None
    # For an output that holds timings: the part of it that must match the golden (the
    # golden keeps the whole output of the run that wrote it, as the page shows it).
    stable: Callable[[str], str] | None = None

    @property
    def path(self) -> Path:
        return SNIPPETS / self.snippet

    @property
    def takes_other_replies(self) -> bool:
        """Whether it is run against other replies than its scenario's (``test_alternatives``):
        not when it holds for its scenario's exact bytes only (``one_shape`` says why)."""
        return not self.one_shape

    @property
    def names_any_ending(self) -> bool:
        """Whether, against another ending, it must name the stop reason: not when the SDK
        raises before the reason arrives (``ending_unread`` says why)."""
        return not self.ending_unread

    @property
    def label(self) -> str:
        """The scenario's name, then the variant's: what the golden and the test id are called."""
        return ".".join(part for part in (self.scenario, self.variant) if part)

    @property
    def golden(self) -> Path:
        stem = self.path.name.rsplit(".", 1)[0]
        name = f"{stem}.{self.label}" if self.label else stem
        return self.path.with_name(name + GOLDEN_SUFFIX)

    @property
    def id(self) -> str:
        return f"{self.snippet}[{self.label}]" if self.label else self.snippet


@dataclass
class Run:
    """What one run of a case did: how it exited and what it printed, from ``cwd``."""

    case: Case
    returncode: int
    stdout: str
    stderr: str
    cwd: Path

    @property
    def error_line(self) -> str:
        """The last line of stderr: the exception a reader sees at the bottom of a traceback."""
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return lines[-1] if lines else ""

    def output(self) -> str:
        """What the golden file holds (``Case.capture``), with the random test port as PORT."""
        text = self.stdout
        if self.case.capture == "stdout+error":
            if text and not text.endswith("\n"):
                text += "\n"  # a traceback's last line is a line of its own in a terminal
            text += self.error_line + "\n"
        return _PORT.sub("127.0.0.1:PORT", text)

    def describe(self) -> str:
        return f"--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


# What a case's own ``check`` is given: its run and the stand-in it ran against.
Check = Callable[[Run, "StandIn"], None]
