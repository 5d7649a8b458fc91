"""The home page leads with the reader's tasks, and its map of the site follows the nav.

``docs/index.md`` is written by hand. Its first section, "I want to…", is a list of tasks, each
item opening with a link to the page (or section) whose program does it; where those links land
is checked in a browser (``tests/browser/test_home_tasks.py``). Its map, "The whole site", must
name each nav section in bold and link each of its pages, in the nav's order, so a page added to
the nav (or moved in it) must be added there too; the home page itself need not be linked.
"""

from __future__ import annotations

import re

from tests.support.navigation import NavSection, nav_outline, nav_sources
from tests.support.paths import DOCS

HOME = DOCS / "index.md"
TASKS = "## I want to…"
MAP = "## The whole site"
# A bold section name, or a link to a page of the site (an anchor after the path is allowed).
ITEM = re.compile(r"\*\*(?P<section>[^*]+)\*\*|\]\((?P<page>[^)#\s]+\.md)(?:#[^)]*)?\)")
LINKED_PAGE = re.compile(r"\]\((?P<page>[^)#\s]+\.md)(?:#[^)]*)?\)")
# A list item that opens with a link: "- [text](target)".
TASK_ITEM = re.compile(r"^- (?P<rest>.*)$", re.MULTILINE)
OPENING_LINK = re.compile(r"\[[^\]]+\]\([^)\s]+\)")


def section(heading: str) -> str:
    """The text of the home page's section under ``heading``, up to the next ``## ``."""
    text = HOME.read_text(encoding="utf-8")
    assert heading in text, f"docs/index.md has no {heading!r} section"
    return text.split(heading, 1)[1].split("\n## ", 1)[0]


def listed_items() -> list[str]:
    """Bold section names and linked pages in the home page's map, in the order written."""
    return [
        f"section {m['section']!r}" if m["section"] else f"page {m['page']}"
        for m in ITEM.finditer(section(MAP))
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


def test_the_task_list_comes_first() -> None:
    text = HOME.read_text(encoding="utf-8")
    headings = re.findall(r"^## .*$", text, re.MULTILINE)
    assert headings and headings[0] == TASKS, f"the home page's first section is {headings[:1]}"


def test_every_task_opens_with_a_link() -> None:
    items = [m["rest"] for m in TASK_ITEM.finditer(section(TASKS))]
    assert len(items) >= 8, f"the task list holds {len(items)} items"
    bare = [item for item in items if not OPENING_LINK.match(item)]
    assert not bare, f"tasks that do not open with a link: {bare}"


def test_the_home_page_links_every_nav_page() -> None:
    linked = {m["page"] for m in LINKED_PAGE.finditer(HOME.read_text(encoding="utf-8"))}
    missing = [page for page in nav_sources() if page != HOME.name and page not in linked]
    assert not missing, f"docs/index.md links none of {missing}"


def test_the_map_names_every_section_and_page_of_the_nav() -> None:
    listed = listed_items()
    missing = [item for item in expected_items() if item not in listed]
    assert not missing, f"docs/index.md, {MAP!r}, does not name: {missing}"


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


def test_the_map_is_in_nav_order() -> None:
    moved = out_of_place(listed_items(), expected_items())
    assert not moved, f"docs/index.md, {MAP!r}, is not in nav order: {moved}"


def test_out_of_place_names_the_moved_item() -> None:
    expected = ["page a.md", "page b.md", "page c.md"]
    assert out_of_place(expected, expected) == []
    assert out_of_place(["page b.md", "page c.md", "page a.md"], expected) == [
        "page a.md (the nav has it first)"
    ]
