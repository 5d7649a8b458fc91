"""The home page's list of what the site covers follows the nav: every section, every page.

"What this site covers" in ``docs/index.md`` is written by hand, so a page added to the nav (or
moved in it) must be added there too. The list must name each nav section in bold and link
each page, in the nav's order; the home page itself is the one page it need not link.
"""

from __future__ import annotations

import re

from tests.support.navigation import NavSection, nav_outline
from tests.support.paths import DOCS

HOME = DOCS / "index.md"
HEADING = "## What this site covers"
# A bold section name, or a link to a page of the site (an anchor after the path is allowed).
ITEM = re.compile(r"\*\*(?P<section>[^*]+)\*\*|\]\((?P<page>[^)#\s]+\.md)(?:#[^)]*)?\)")


def listed_items() -> list[str]:
    """Bold section names and linked pages in the home page's list, in the order written."""
    text = HOME.read_text(encoding="utf-8")
    assert HEADING in text, f"docs/index.md has no {HEADING!r} section"
    part = text.split(HEADING, 1)[1].split("\n## ", 1)[0]
    return [
        f"section {m['section']!r}" if m["section"] else f"page {m['page']}"
        for m in ITEM.finditer(part)
    ]


def expected_items() -> list[str]:
    """Each section of the nav then its pages, in nav order, the home page left out."""
    items: list[str] = []
    for entry in nav_outline():
        if isinstance(entry, NavSection):
            items.append(f"section {entry.title!r}")
            items.extend(f"page {page}" for page in entry.pages)
        elif entry != HOME.name:
            items.append(f"page {entry}")
    return items


def test_home_lists_every_section_and_page_of_the_nav() -> None:
    listed = listed_items()
    missing = [item for item in expected_items() if item not in listed]
    assert not missing, f"docs/index.md, {HEADING!r}, does not name: {missing}"


def out_of_place(listed: list[str], expected: list[str]) -> list[str]:
    """The fewest listed items that, moved, would put the list in nav order (the items outside
    the longest run already in order), each with the item the nav puts just before it."""
    order = [expected.index(item) for item in listed if item in expected]
    order = [rank for i, rank in enumerate(order) if rank not in order[:i]]
    best: list[list[int]] = []
    for rank in order:
        runs = [run for run in best if run[-1] < rank]
        best.append([*max(runs, key=len, default=[]), rank])
    in_order = set(max(best, key=len, default=[]))
    return [
        f"{expected[rank]} (the nav has it after {expected[rank - 1]})"
        if rank
        else f"{expected[rank]} (the nav has it first)"
        for rank in order
        if rank not in in_order
    ]


def test_home_lists_them_in_nav_order() -> None:
    moved = out_of_place(listed_items(), expected_items())
    assert not moved, f"docs/index.md, {HEADING!r}, is not in nav order: {moved}"
