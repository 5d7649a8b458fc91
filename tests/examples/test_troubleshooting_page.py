"""The troubleshooting page keeps its promise: every symptom shown was printed by a reproducer.

Each entry (a ``##`` section) must have a Symptom, a Cause and a Fix. Every code box under
"Symptom" must be nothing but the include of a golden file that a snippet case produces (so
its text is whatever the reproducer printed, never typed), and every Fix must point at code
that the suite runs: an included golden or snippet, or a guide section.
"""

from __future__ import annotations

import re

from tests.examples.harness.collect import all_cases
from tests.support.paths import DOCS, ROOT

PAGE = DOCS / "troubleshooting.md"
INCLUDE = re.compile(r'^\s*--8<-- "([^"]+)"\s*$')
FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.M | re.S)
# The source outline's nine entries, and the failures the "when streams fail" guides add.
AT_LEAST_ENTRIES = 9 + 4


def _sections() -> dict[str, str]:
    text = PAGE.read_text(encoding="utf-8")
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _between(body: str, start: str, end: str) -> str:
    return body.split(start, 1)[1].split(end, 1)[0]


def test_every_entry_has_a_symptom_a_cause_and_a_fix() -> None:
    sections = _sections()
    assert len(sections) >= AT_LEAST_ENTRIES
    for title, body in sections.items():
        positions = [body.find(label) for label in ("**Symptom.**", "**Cause.**", "**Fix.**")]
        assert -1 not in positions and positions == sorted(positions), f"{title!r}: out of order"


def test_every_symptom_box_is_a_golden_that_a_case_produces() -> None:
    goldens = {c.golden.relative_to(ROOT).as_posix() for c in all_cases()}
    for title, body in _sections().items():
        symptom = _between(body, "**Symptom.**", "**Cause.**")
        boxes = FENCE.findall(symptom)
        assert boxes, f"{title!r}: the symptom shows no captured output"
        for box in boxes:
            lines = [line for line in box.splitlines() if line.strip()]
            assert len(lines) == 1, f"{title!r}: a symptom box holds more than an include"
            match = INCLUDE.match(lines[0])
            assert match, f"{title!r}: a symptom box holds typed text: {lines[0]!r}"
            assert match.group(1) in goldens, f"{title!r}: {match.group(1)} is no case's golden"


def test_every_fix_points_at_code_the_suite_runs() -> None:
    for title, body in _sections().items():
        fix = body.split("**Fix.**", 1)[1]
        assert "--8<--" in fix or "](guides/" in fix, f"{title!r}: the fix shows nothing run"
