"""The page as Markdown is one press away: the button copies it, the link opens it.

What is copied must be, character for character, the page's Markdown the build wrote beside it
(``index.md``, with every included program and output in full; ``tests/site/test_markdown_pages.py``
checks what it holds). The press is a real mouse click on the button, as a reader makes it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.browser.visit import Visit

SENTINEL = "nothing copied yet"
BUTTON = ".md-page-markdown__copy"
LINK = ".md-page-markdown__view"


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
    page.locator(BUTTON).click()
    copied = SENTINEL
    for _ in range(200):  # the button fetches the Markdown first: up to 5 s
        copied = page.evaluate("() => navigator.clipboard.readText()")
        if copied != SENTINEL:
            break
        page.wait_for_timeout(25)
    expected = markdown.read_text(encoding="utf-8")
    assert copied == expected, (
        f"'Copy as Markdown' copied {len(copied)} characters, {path} holds {len(expected)}"
    )
    status = page.locator(".md-page-markdown__status").inner_text()
    assert "Copied" in status, f"the button said {status!r}"
