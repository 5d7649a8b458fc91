"""The Error messages page lists every error message an example prints, each linked to a fix.

The list is made at build time by ``siteparts/error_messages.py`` from the golden output files; the
sections that explain each message are named in ``docs/data/error-fixes.yml``. A golden file
that starts printing a message no entry covers, an entry whose link names no heading, or an
entry that no longer matches anything fails here; the built page and the search index are
checked for every message.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

import pytest

from siteparts import error_messages
from tests.support.paths import DOCS, ROOT

HOOK = error_messages
PAGE = "reference/error-messages.md"
PRINTED = HOOK.printed_messages(ROOT)
FIXES, NOT_MESSAGES = HOOK.load_fixes(DOCS)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("httpx2.RemoteProtocolError: peer closed", "httpx2.RemoteProtocolError: peer closed"),
        ("Connection lost: RemoteProtocolError: gone", "RemoteProtocolError: gone"),
        ("API error (HTTP 401): authentication_error: bad key", "authentication_error: bad key"),
        ("[ran f() failed TypeError: f() got x]", "TypeError: f() got x"),
        ("{'type': 'overloaded_error', 'message': 'Overloaded'}", None),
        ("Once upon a time: an error of judgement", None),
    ],
)
def test_what_counts_as_an_error_message(line: str, message: str | None) -> None:
    assert HOOK.message_in(line) == message


def test_the_examples_print_error_messages() -> None:
    assert len(PRINTED) >= 10, f"found only {len(PRINTED)} error messages in the golden files"


def test_every_printed_message_has_an_entry() -> None:
    missing = HOOK.unexplained(DOCS, ROOT)
    assert not missing, (
        "error messages the examples print with no entry in docs/data/error-fixes.yml: "
        + "; ".join(f"{p.message!r} in {', '.join(p.goldens)}" for p in missing)
    )


@pytest.mark.parametrize("fix", FIXES, ids=[f.section for f in FIXES])
def test_every_entry_links_to_a_heading(fix: object) -> None:
    assert HOOK.section_title(DOCS, fix.section)  # raises when the page or heading is missing


def test_every_entry_matches_a_printed_message() -> None:
    patterns = [f.pattern for f in FIXES] + NOT_MESSAGES
    stale = [p.pattern for p in patterns if not any(p.search(m.message) for m in PRINTED)]
    assert not stale, f"entries in docs/data/error-fixes.yml that match no message: {stale}"


def _built(site_dir: Path, page: str) -> str:
    return (site_dir / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")


def test_the_built_page_shows_each_message_and_links_to_real_anchors(site_dir: Path) -> None:
    built = _built(site_dir, PAGE)
    shown = [p.message for p in PRINTED if HOOK.fix_for(p.message, FIXES)]
    absent = [m for m in shown if html.escape(m, quote=False) not in html.unescape(built)]
    absent = [m for m in absent if m not in html.unescape(built)]
    assert not absent, f"messages missing from the built {PAGE}: {absent}"
    links = {
        posixpath.normpath(posixpath.join("reference/error-messages", target)) + "#" + anchor
        for target, anchor in re.findall(r'href="([^"#:]*)#([^"]+)"', built)
        if target
    }
    broken = [
        link
        for link in sorted(links)
        if f'id="{link.split("#")[1]}"'
        not in (site_dir / link.split("#")[0] / "index.html").read_text(encoding="utf-8")
    ]
    assert not broken, f"links on {PAGE} to anchors that do not exist: {broken}"
    assert len(links) >= len({f.section for f in FIXES}), f"{PAGE} links to too few sections"


def test_search_finds_each_message(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(
        html.unescape(re.sub(r"<[^>]+>", "", doc["text"]))
        for doc in index["docs"]
        if doc["location"].startswith("reference/error-messages/")
    )
    missing = [
        p.message for p in PRINTED if HOOK.fix_for(p.message, FIXES) and p.message not in text
    ]
    assert not missing, f"messages the site's search index does not hold: {missing}"


# Error types readers search for; each must lead to a troubleshooting entry that shows code.
SEARCHED = ("overloaded_error",)


@pytest.mark.parametrize("term", SEARCHED)
def test_searching_an_error_type_finds_the_entry_whose_fix_shows_code(
    site_dir: Path, term: str
) -> None:
    """The troubleshooting entry the term's message links to is a search result of its own,
    named with the term, and its text holds a program's lines that use the term, not only
    what a program printed."""
    sections = {
        f.section
        for p in PRINTED
        if term in p.message and (f := HOOK.fix_for(p.message, FIXES))
        if f.section.startswith("troubleshooting.md#")
    }
    assert sections, f"no message holding {term!r} is explained on the troubleshooting page"
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    for section in sections:
        location = "troubleshooting/#" + section.partition("#")[2]
        assert location in docs, f"search has no result for the entry {section}"
        doc = docs[location]
        assert term in html.unescape(doc["title"]), f"the result {doc['title']!r} lacks {term!r}"
        blocks = re.findall(r"<pre><code>(.*?)</code></pre>", doc["text"], re.S)
        code = [b for b in blocks if term in b and re.search(r"^\s*(def|except|if|for) ", b, re.M)]
        assert code, f"{section}: no program lines with {term!r} in the entry"
