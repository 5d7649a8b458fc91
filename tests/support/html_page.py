"""What a reader gets from one built page, read from its HTML with the standard library.

Two builds of the same pages are compared through this (``tests/site/test_zensical.py``), so it
keeps what the page says and leaves out what only the theme's markup decides: the title, the
headings and their anchors, the text of every code block, where every link in the article
leads, the article's text, and every ``id`` on the page (the anchors a link may name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})  # fmt: skip


@dataclass
class PageContent:
    title: str = ""
    headings: list[tuple[str, str, str]] = field(default_factory=list)  # (level, id, text)
    code_blocks: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # hrefs inside the article, as written
    text: str = ""  # the article's text, whitespace collapsed
    ids: set[str] = field(default_factory=set)  # every id on the page


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageContent()
        self.depth = 0  # open elements inside <article>, or 0 outside it
        self.in_title = False
        self.heading: tuple[str, str, list[str]] | None = None
        self.skip = 0  # inside a heading's permalink (¶), which is markup, not text
        self.pre: list[str] | None = None
        self.pre_depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.page.ids.add(str(found["id"]))
        if tag == "title":
            self.in_title = True
        if tag == "article":
            self.depth = 1
            return
        if not self.depth or tag in VOID:
            if self.depth and tag == "br":
                self.text.append(" ")
            return
        self.depth += 1
        if tag in HEADINGS:
            self.heading = (tag, str(found.get("id") or ""), [])
        if tag == "a":
            if "headerlink" in str(found.get("class") or ""):
                self.skip = self.depth
            elif found.get("href"):
                self.page.links.append(str(found["href"]))
        if tag == "pre" and self.pre is None:
            self.pre, self.pre_depth = [], self.depth

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if not self.depth or tag in VOID:
            return
        if self.skip == self.depth:
            self.skip = 0
        if self.heading and tag == self.heading[0]:
            level, anchor, parts = self.heading
            self.page.headings.append((level, anchor, " ".join("".join(parts).split())))
            self.heading = None
        if self.pre is not None and self.depth == self.pre_depth:
            self.page.code_blocks.append("".join(self.pre))
            self.pre = None
        self.depth = 0 if tag == "article" else self.depth - 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.title += data
        if not self.depth or self.skip:
            return
        if self.heading:
            self.heading[2].append(data)
        if self.pre is not None:
            self.pre.append(data)
        self.text.append(data)


def read_page(path: Path) -> PageContent:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    reader.page.text = " ".join("".join(reader.text).split())
    reader.page.title = " ".join(reader.page.title.split())
    return reader.page


def resolve(page_path: str, href: str) -> tuple[str, str] | None:
    """Where a link on the page at URL path ``page_path`` leads, as a browser resolves it:
    (path, fragment), or None for a link to another site."""
    base = f"http://site.invalid{page_path}"
    target = urlsplit(urljoin(base, href))
    if target.scheme not in {"http", "https"} or target.netloc != "site.invalid":
        return None
    return target.path, target.fragment
