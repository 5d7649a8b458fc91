"""Copy means tested: the copy button on every block from ``snippets/`` yields that very file.

The rule: for a program (``.py``, ``.sh``) what lands on the clipboard is byte for byte the
file the test suite ran, final newline included, so a reader who pastes it into a file gets the
program that was tested. For an output (``.out.txt``) it is the golden file as shown: the
highlighter drops blank lines at either end of a block, so those are the one difference.
A block comes from a file when its text is that file's text; every file a page includes whole
must be found on the page that way, and when the block has a title, it is the file's name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page

from tests.browser.pages import open_page
from tests.browser.site import page_paths_from_docs
from tests.support.paths import DOCS, GOLDEN_SUFFIX, ROOT

WHOLE_FILE_INCLUDE = re.compile(r'^\s*--8<--\s+"(snippets/[^":]+)"\s*$', re.MULTILINE)
SENTINEL = "nothing copied yet"

# Show a block as a reader would: open every collapsed note and pick every tab around it,
# from the outside in.
SHOW_BLOCK = """
(block) => {
  const chain = [];
  for (let el = block.parentElement; el; el = el.parentElement) {
    if (el.matches("details, .tabbed-block")) chain.unshift(el);
  }
  for (const el of chain) {
    if (el.matches("details")) {
      if (!el.open) el.querySelector(":scope > summary").click();
      continue;
    }
    const index = [...el.parentElement.children].indexOf(el);
    const labels = el.parentElement.parentElement.querySelector(":scope > .tabbed-labels");
    labels.children[index].click();
  }
}
"""


def expected_copy(target: str, text: str) -> str:
    if target.endswith(GOLDEN_SUFFIX):
        return text.strip("\n") + "\n"
    return text


def included_files(md: Path) -> dict[str, str]:
    """Snippet files the page includes whole -> their exact text."""
    return {
        target: (ROOT / target).read_text(encoding="utf-8")
        for target in WHOLE_FILE_INCLUDE.findall(md.read_text(encoding="utf-8"))
    }


def source_of(path: str) -> Path:
    stem = path.strip("/") or "index"
    md = DOCS / f"{stem}.md"
    return md if md.is_file() else DOCS / stem / "index.md"


PAGES_WITH_SNIPPETS = [p for p in page_paths_from_docs() if included_files(source_of(p))]


def copy(page: Page, block: Locator) -> str:
    page.evaluate("(text) => navigator.clipboard.writeText(text)", SENTINEL)
    block.evaluate(SHOW_BLOCK)
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    return page.evaluate("() => navigator.clipboard.readText()")


def test_pages_include_snippets() -> None:
    assert PAGES_WITH_SNIPPETS, "no page includes a file from snippets/"


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES_WITH_SNIPPETS)
def test_copy_button_copies_the_tested_file(page: Page, site_dir: Path, path: str) -> None:
    files = included_files(source_of(path))
    open_page(page, path, site_dir)
    blocks = page.locator("div.highlight:has(> pre > code)")
    found: set[str] = set()
    for i in range(blocks.count()):
        block = blocks.nth(i)
        shown = block.locator("code").first.text_content() or ""
        sources = [t for t, text in files.items() if text.strip("\n") == shown.strip("\n")]
        title = block.locator(".filename")
        name = title.first.text_content() if title.count() else None
        if name in {Path(t).name for t in files}:
            assert name in {Path(t).name for t in sources}, (
                f"{path}: the block titled {name!r} does not show that file's text"
            )
        if not sources:
            continue
        copied = copy(page, block)
        expected = expected_copy(sources[0], files[sources[0]])
        assert copied == expected, (
            f"{path}: the copy button of the block showing {sources[0]} copied "
            f"{len(copied)} characters ending {copied[-20:]!r}; expected "
            f"{len(expected)} ending {expected[-20:]!r}"
        )
        found.update(sources)
    missing = sorted(set(files) - found)
    assert not missing, f"{path}: included files not shown as a copyable block: {missing}"
