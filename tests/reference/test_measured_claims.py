"""A page that quotes a measured speed-up says what it follows from.

The Performance page's ratios come from a benchmark against the local stand-in, paced at a
fixed time to first token and a fixed rate; they are facts about that pacing, not about
Claude. Concepts links the Performance page's model instead of quoting one. Wherever a page quotes one (``{{ perf.ttft_ratio_... }}``), the same paragraph must
name the pacing (``{{ perf.ttft_ms }}`` and ``{{ perf.tokens_per_second }}``).
"""

from __future__ import annotations

import re

from tests.support.paths import DOCS

RATIO = re.compile(r"\{\{\s*perf\.ttft_ratio_\w+\s*\}\}")
PACING = (re.compile(r"\{\{\s*perf\.ttft_ms\s*\}\}"), re.compile(r"\{\{\s*perf\.tokens_per_second"))


def test_every_quoted_ratio_names_the_pacing_it_follows_from() -> None:
    quoted = 0
    for page in sorted(DOCS.rglob("*.md")):
        for paragraph in re.split(r"\n\s*\n", page.read_text(encoding="utf-8")):
            if RATIO.search(paragraph):
                quoted += 1
                where = f"{page.relative_to(DOCS)}: {paragraph[:80]!r}"
                assert all(p.search(paragraph) for p in PACING), f"no pacing named in {where}"
    assert quoted >= 1, (
        "expected the Performance page (its model of time to first text) to quote a ratio"
    )
