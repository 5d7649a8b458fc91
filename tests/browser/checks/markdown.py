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
STATUS = ".md-page-markdown__status"
COPY_WAIT = 5.0  # seconds the button may take to fill the clipboard (it fetches the Markdown)

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

# How many buttons and links there are, and where the link leads; with one of each, put the
# sentinel on the clipboard, bring the button into view and say where things are (PLACES).
BEFORE_THE_PRESS = """
async ([button, link, sentinel]) => {
  const buttons = document.querySelectorAll(button);
  const links = document.querySelectorAll(link);
  const found = { buttons: buttons.length, links: links.length, href: null, places: null };
  if (buttons.length !== 1 || links.length !== 1) return found;
  found.href = links[0].href;
  await navigator.clipboard.writeText(sentinel);
  buttons[0].scrollIntoViewIfNeeded(true);
  found.places = (PLACES)();
  return found;
}
""".replace("PLACES", PLACES.strip())

# What the press put on the clipboard, read until it is no longer the sentinel (the button
# fetches the Markdown first) for at most `wait` ms; then the status line, once it says
# something (in the same time), and where things are now (PLACES).
AFTER_THE_PRESS = """
async ([sentinel, status, wait]) => {
  const deadline = performance.now() + wait;
  const pause = () => new Promise((done) => setTimeout(done, 25));
  let copied = await navigator.clipboard.readText();
  while (copied === sentinel && performance.now() < deadline) {
    await pause();
    copied = await navigator.clipboard.readText();
  }
  const lines = () => document.querySelectorAll(status);
  while (lines().length === 1 && !lines()[0].innerText && performance.now() < deadline) {
    await pause();
  }
  const said = [...lines()].map((line) => line.innerText);
  return { copied, said, places: (PLACES)() };
}
""".replace("PLACES", PLACES.strip())


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
    """One press of the button, read in two calls to the page: one before it (what is there,
    the sentinel, the places) and one after (the clipboard, the status, the places)."""
    page = visit.page
    before = page.evaluate(BEFORE_THE_PRESS, [BUTTON, LINK, SENTINEL])
    assert before["buttons"] == 1, "no single 'Copy as Markdown' button"
    assert before["links"] == 1, "no single link to the page's Markdown"
    path = urlsplit(before["href"]).path
    assert path == f"{visit.path}index.md", f"the Markdown link leads to {path}"
    markdown = visit.site_dir / path.lstrip("/")
    assert markdown.is_file(), f"the build wrote no {path}"
    page.locator(BUTTON).click()
    after = page.evaluate(AFTER_THE_PRESS, [SENTINEL, STATUS, COPY_WAIT * 1000])
    copied = after["copied"]
    expected = with_served_links(markdown.read_text(encoding="utf-8"), visit.url("/"))
    assert copied == expected, (
        f"'Copy as Markdown' copied {len(copied)} characters, {path} (its links served from "
        f"{visit.url('/')}) holds {len(expected)}"
    )
    assert len(after["said"]) == 1, f"{len(after['said'])} status lines"
    status = after["said"][0]
    assert "Copied" in status, f"the button said {status!r}"
    assert after["places"] == before["places"], (
        f"the page moved when the status showed: {before['places']} became {after['places']}"
    )
