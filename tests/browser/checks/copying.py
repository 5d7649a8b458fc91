"""Copy means tested: the copy button on every block from ``snippets/`` yields that very file.

The rule: for a program (``.py``, ``.sh``) what lands on the clipboard is byte for byte the
file the test suite ran, final newline included, less its section-marker lines (comments that
let another page quote part of it, which the build leaves out of a whole-file include:
``tests/support/shown.py``), so a reader who pastes it into a file gets the program that was
tested. For an output (``.out.txt``) it is the golden file as shown: the
highlighter drops blank lines at either end of a block, so those are the one difference.
A block comes from a file when its text is that file's text; every file a page includes whole
must be found on the page that way, and when the block has a title, it is the file's name.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from playwright.sync_api import Page

from tests.browser.visit import Visit
from tests.support.pages import source_of
from tests.support.paths import GOLDEN_SUFFIX, ROOT
from tests.support.shown import shown_file

WHOLE_FILE_INCLUDE = re.compile(r'^\s*--8<--\s+"(snippets/[^":]+)"\s*$', re.MULTILINE)
SENTINEL = "nothing copied yet"
COPY_WAIT = 5.0  # seconds a button may take to fill the clipboard
BLOCKS = "div.highlight:has(> pre > code)"
COPY_BUTTON = "button.md-code__button[data-md-type=copy]"

# Each block's text and title, in page order, read in one go.
SHOWN = """
(blocks) => [...document.querySelectorAll(blocks)].map((block) => {
  const code = block.querySelector("code");
  const title = block.querySelector(".filename");
  return { text: code ? code.textContent : "", title: title ? title.textContent : null };
})
"""

# Put the sentinel on the clipboard, then show the block as a reader would: open every
# collapsed note and pick every tab around it, from the outside in. Last, find the middle of its
# copy button on screen, scrolling the button to the middle of the window if it is out of view
# or covered there; `reachable` says whether a press at that point lands on the button.
PREPARE = """
async ([blocks, index, sentinel, button]) => {
  await navigator.clipboard.writeText(sentinel);
  const block = document.querySelectorAll(blocks)[index];
  const chain = [];
  for (let el = block.parentElement; el; el = el.parentElement) {
    if (el.matches("details, .tabbed-block")) chain.unshift(el);
  }
  for (const el of chain) {
    if (el.matches("details")) {
      if (!el.open) el.querySelector(":scope > summary").click();
      continue;
    }
    const place = [...el.parentElement.children].indexOf(el);
    const labels = el.parentElement.parentElement.querySelector(":scope > .tabbed-labels");
    labels.children[place].click();
  }
  const copy = block.querySelector(button);
  if (!copy) return null;
  const middle = () => {
    const box = copy.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const found = document.elementFromPoint(x, y);
    return { x, y, reachable: Boolean(found && copy.contains(found)) };
  };
  const shown = middle();
  if (shown.reachable) return shown;
  copy.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
  return middle();
}
"""


def expected_copy(target: str, text: str) -> str:
    if target.endswith(GOLDEN_SUFFIX):
        return text.strip("\n") + "\n"
    return text


def included_files(md: Path) -> dict[str, str]:
    """Snippet files the page includes whole -> their text as the page shows it."""
    return {
        target: shown_file(ROOT / target)
        for target in WHOLE_FILE_INCLUDE.findall(md.read_text(encoding="utf-8"))
    }


def copy(page: Page, index: int) -> str:
    """Press the copy button of block ``index`` with the mouse, as a reader would, and return what the
    clipboard then holds.

    The press lands on the middle of the button as the window shows it; a button that is
    missing, or covered even when scrolled into view, fails here, and one that copies nothing
    leaves the sentinel on the clipboard.
    """
    middle = page.evaluate(PREPARE, [BLOCKS, index, SENTINEL, COPY_BUTTON])
    assert middle is not None, "a block from snippets/ has no copy button"
    assert middle["reachable"], f"the copy button at {middle} is covered or out of view"
    page.mouse.click(middle["x"], middle["y"])
    # The button may write the clipboard a moment later (a whole file is fetched first).
    deadline = time.monotonic() + COPY_WAIT
    while True:
        copied: str = page.evaluate("() => navigator.clipboard.readText()")
        if copied != SENTINEL or time.monotonic() > deadline:
            return copied
        page.wait_for_timeout(50)


def copies_the_tested_files(visit: Visit) -> None:
    files = included_files(source_of(visit.path))
    if not files:
        return
    names = {Path(t).name for t in files}
    found: set[str] = set()
    for i, shown in enumerate(visit.page.evaluate(SHOWN, BLOCKS)):
        sources = [t for t, text in files.items() if text.strip("\n") == shown["text"].strip("\n")]
        if shown["title"] in names:
            assert shown["title"] in {Path(t).name for t in sources}, (
                f"the block titled {shown['title']!r} does not show that file's text"
            )
        if not sources:
            continue
        copied = copy(visit.page, i)
        expected = expected_copy(sources[0], files[sources[0]])
        assert copied == expected, (
            f"the copy button of the block showing {sources[0]} copied "
            f"{len(copied)} characters ending {copied[-20:]!r}; expected "
            f"{len(expected)} ending {expected[-20:]!r}"
        )
        found.update(sources)
    missing = sorted(set(files) - found)
    assert not missing, f"included files not shown as a copyable block: {missing}"
