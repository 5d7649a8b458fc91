"""The pages do not state as fact what the API bills for a stream closed early.

The API's streaming and pricing pages say nothing on whether generation stops when a client
closes a stream, or whether output generated after the close is billed. The pages that touch it
must say that it is not documented (and link the official pages), and no page or snippet may
claim an answer, in the words the site once used or close to them.
"""

from __future__ import annotations

import re

import pytest

from tests.support.paths import DOCS, SNIPPETS

STREAMING = "https://platform.claude.com/docs/build-with-claude/streaming"
PRICING = "https://platform.claude.com/docs/about-claude/pricing"
PAGES = ["guides/cancellation.md", "guides/usage-and-cost.md", "guides/browser-relay.md"]
CLAIMS = re.compile(
    r"(?<!whether )generation stops"
    r"|so it stops generating|tells the API to stop generating"
    r"|keeps? paying|are not billed|is not billed|later ones are not"
    r"|\bthe API keeps generating",
    re.IGNORECASE,
)


def _texts() -> list[tuple[str, str]]:
    files = [*DOCS.rglob("*.md"), *SNIPPETS.rglob("*.py"), *SNIPPETS.rglob("*.sh")]
    return [(str(p), " ".join(p.read_text(encoding="utf-8").split())) for p in sorted(files)]


def test_no_page_or_snippet_claims_what_closing_does_to_billing() -> None:
    found = [f"{name}: {m.group(0)!r}" for name, text in _texts() for m in CLAIMS.finditer(text)]
    assert not found, f"claims the API's documentation does not make: {found}"


@pytest.mark.parametrize("page", PAGES)
def test_the_pages_that_touch_it_say_it_is_not_documented(page: str) -> None:
    text = " ".join((DOCS / page).read_text(encoding="utf-8").split())
    assert "not documented" in text


def test_the_cost_sections_link_the_official_pages() -> None:
    for page in ("guides/cancellation.md", "guides/usage-and-cost.md"):
        text = (DOCS / page).read_text(encoding="utf-8")
        assert STREAMING in text and PRICING in text, page
