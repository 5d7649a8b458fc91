"""The page as Markdown is one press away: the button copies it, the link opens it.

What is copied must be, character for character, the page's Markdown the build wrote beside it
(``index.md``, with every included program and output in full; ``tests/site/test_markdown_pages.py``
checks what it holds), except that its links to the site's pages, which the build wrote under
``site_url``, lead to the address the page is actually served from: a pasted link works
wherever the site is served (here, a random port that ``site_url`` never names). The press is a
real mouse click on the button, as a reader makes it, and nothing on the page moves for it: the
title and the text below stay where they were while the status line says what happened.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from tests.browser.visit import Visit
from tests.support.navigation import site_config

SENTINEL = "nothing copied yet"
BUTTON = ".md-page-markdown__copy"
LINK = ".md-page-markdown__view"

# Where the title and the first thing after it are, in page coordinates.
PLACES = """
() => {
  const title = document.querySelector(".md-content h1");
  const next = title && title.nextElementSibling;
  const at = (el) => {
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return [box.left + scrollX, box.top + scrollY, box.width, box.height].map(Math.round);
  };
  return { title: at(title), next: at(next) };
}
"""


@functools.cache
def _site_url() -> str:
    return site_config().site_url or ""


def with_served_links(markdown: str, served_root: str) -> str:
    """``markdown`` with its links under ``site_url`` moved to ``served_root``."""
    built = _site_url()
    if not built:
        return markdown
    built = built if built.endswith("/") else built + "/"
    return markdown.replace(f"]({built}", f"]({served_root}")


def copies_the_page_as_markdown(visit: Visit) -> None:
    page = visit.page
    assert page.locator(BUTTON).count() == 1, "no single 'Copy as Markdown' button"
    assert page.locator(LINK).count() == 1, "no single link to the page's Markdown"
    href = page.evaluate(f"() => document.querySelector('{LINK}').href")
    path = urlsplit(href).path
    assert path == f"{visit.path}index.md", f"the Markdown link leads to {path}"
    markdown = visit.site_dir / path.lstrip("/")
    assert markdown.is_file(), f"the build wrote no {path}"
    page.evaluate("(text) => navigator.clipboard.writeText(text)", SENTINEL)
    page.locator(BUTTON).scroll_into_view_if_needed()
    before = page.evaluate(PLACES)
    page.locator(BUTTON).click()
    copied = SENTINEL
    for _ in range(200):  # the button fetches the Markdown first: up to 5 s
        copied = page.evaluate("() => navigator.clipboard.readText()")
        if copied != SENTINEL:
            break
        page.wait_for_timeout(25)
    expected = with_served_links(markdown.read_text(encoding="utf-8"), visit.url("/"))
    assert copied == expected, (
        f"'Copy as Markdown' copied {len(copied)} characters, {path} (its links served from "
        f"{visit.url('/')}) holds {len(expected)}"
    )
    status = page.locator(".md-page-markdown__status").inner_text()
    assert "Copied" in status, f"the button said {status!r}"
    after = page.evaluate(PLACES)
    assert after == before, f"the page moved when the status showed: {before} became {after}"
