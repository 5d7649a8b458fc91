"""Reader pages talk about the reader's program, not about how the site proves it.

How the examples are run (the local API, the outputs' files, the suite) is told once, on "How
the examples are tested" and in the footer line. Every other page, outputs and programs
included, as built, must not use the words below; on the Performance page only its method
section may, since it says how the figures were measured.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.support.navigation import nav_sources
from tests.support.pages import url_path

INTERNAL = re.compile(r"stand-?in|golden|scenario|test suite", re.IGNORECASE)
THE_ONE_PAGE = "about-the-examples.md"
METHOD_SECTIONS = {"performance.md": "how-these-were-measured"}
ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def without_section(article: str, anchor: str) -> str:
    """``article`` without the h2 section whose id is ``anchor`` (to the next h2)."""
    start = article.find(f'<h2 id="{anchor}"')
    if start < 0:
        raise AssertionError(f"the page has no section #{anchor}, where its method belongs")
    end = article.find("<h2", start + 1)
    return article[:start] + (article[end:] if end >= 0 else "")


def internal_words(site_dir: Path, source: str) -> list[str]:
    built = site_dir / url_path(source).lstrip("/") / "index.html"
    article = ARTICLE.search(built.read_text(encoding="utf-8"))
    assert article, f"{built} has no <article>"
    text = article.group(0)
    if source in METHOD_SECTIONS:
        text = without_section(text, METHOD_SECTIONS[source])
    words = html.unescape(TAG.sub(" ", text))
    return [m.group(0) for m in INTERNAL.finditer(words)]


READER_PAGES = [s for s in nav_sources() if s != THE_ONE_PAGE]


@pytest.mark.parametrize("source", READER_PAGES)
def test_a_reader_page_has_no_talk_of_the_machinery(site_dir: Path, source: str) -> None:
    found = internal_words(site_dir, source)
    assert not found, f"{source} says {sorted(set(found))} ({len(found)} times)"


def test_the_word_list_catches_what_it_is_for() -> None:
    sample = "The Stand-in's golden output, per scenario, from the test suite (standin)."
    assert len(INTERNAL.findall(sample)) == 5
