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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
# Where a copy button's middle is on screen (x, y), and whether a press there lands on it.
Position = dict[str, Any]

# Each block's text and title, in page order, read in one go.
SHOWN = """
(blocks) => [...document.querySelectorAll(blocks)].map((block) => {
  const code = block.querySelector("code");
  const title = block.querySelector(".filename");
  return { text: code ? code.textContent : "", title: title ? title.textContent : null };
})
"""

# What the press before put on the clipboard: read until it is no longer the sentinel, for at
# most `wait` ms (a button may fill the clipboard a moment after the press).
READ_COPIED = """
async ([sentinel, wait]) => {
  const deadline = performance.now() + wait;
  for (;;) {
    const copied = await navigator.clipboard.readText();
    if (copied !== sentinel || performance.now() > deadline) return copied;
    await new Promise((done) => setTimeout(done, 50));
  }
}
"""

# Read what the press before copied (when there was one: `wait` is not null), then put the
# sentinel on the clipboard, then show the block as a reader would: open every collapsed note
# and pick every tab around it, from the outside in. Last, find the middle of its copy button on
# screen, scrolling the button to the middle of the window if it is out of view or covered
# there; `reachable` says whether a press at that point lands on the button. One call for all
# of it, as each call to the page costs more than what it does there.
PREPARE = """
async ([blocks, index, sentinel, button, wait]) => {
  const copied = wait === null ? null : await (READ_COPIED)([sentinel, wait]);
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
  if (!copy) return { copied, middle: null };
  const middle = () => {
    const box = copy.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const found = document.elementFromPoint(x, y);
    return { x, y, reachable: Boolean(found && copy.contains(found)) };
  };
  const shown = middle();
  if (shown.reachable) return { copied, middle: shown };
  copy.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
  return { copied, middle: middle() };
}
""".replace("READ_COPIED", READ_COPIED.strip())


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


@dataclass(frozen=True)
class Block:
    """A block showing a file from snippets/: its place among the page's blocks (``BLOCKS``),
    and the files whose text it shows (its copy button must give the first)."""

    index: int
    sources: list[str]


def blocks_showing(page: Page, files: dict[str, str]) -> list[Block]:
    """Every block whose text is one of ``files``, in page order; a block titled with the name
    of one of them must show that file's text."""
    names = {Path(t).name for t in files}
    blocks = []
    for i, shown in enumerate(page.evaluate(SHOWN, BLOCKS)):
        sources = [t for t, text in files.items() if text.strip("\n") == shown["text"].strip("\n")]
        if shown["title"] in names:
            assert shown["title"] in {Path(t).name for t in sources}, (
                f"the block titled {shown['title']!r} does not show that file's text"
            )
        if sources:
            blocks.append(Block(i, sources))
    return blocks


def make_ready(page: Page, block: Block, after_a_press: bool) -> tuple[str | None, Position]:
    """Read what the press before put on the clipboard (when ``after_a_press``), then put the
    sentinel there and show ``block``'s copy button (``PREPARE``); return what was read, and
    where the button is."""
    wait = COPY_WAIT * 1000 if after_a_press else None
    found = page.evaluate(PREPARE, [BLOCKS, block.index, SENTINEL, COPY_BUTTON, wait])
    return found["copied"], found["middle"]


def press(page: Page, middle: Position | None) -> None:
    """Press a copy button with the mouse, as a reader would, on the middle of the button as the
    window shows it: a button that is missing, or covered even when scrolled into view, fails
    here (one that copies nothing leaves the sentinel on the clipboard)."""
    assert middle is not None, "a block from snippets/ has no copy button"
    assert middle["reachable"], f"the copy button at {middle} is covered or out of view"
    page.mouse.click(middle["x"], middle["y"])


def assert_copied(block: Block, copied: str | None, files: dict[str, str]) -> None:
    expected = expected_copy(block.sources[0], files[block.sources[0]])
    assert copied == expected, (
        f"the copy button of the block showing {block.sources[0]} copied "
        f"{len(copied or '')} characters ending {(copied or '')[-20:]!r}; expected "
        f"{len(expected)} ending {expected[-20:]!r}"
    )


def copies_the_tested_files(visit: Visit) -> None:
    """Each block from snippets/ is pressed in page order; what a press copied is read in the
    same call to the page that makes ready for the next press (the last one's on its own)."""
    files = included_files(source_of(visit.path))
    if not files:
        return
    page = visit.page
    blocks = blocks_showing(page, files)
    pressed: Block | None = None  # the block whose copy is on the clipboard, not yet read
    for block in blocks:
        copied, middle = make_ready(page, block, after_a_press=pressed is not None)
        if pressed is not None:
            assert_copied(pressed, copied, files)
        press(page, middle)
        pressed = block
    if pressed is not None:
        assert_copied(pressed, page.evaluate(READ_COPIED, [SENTINEL, COPY_WAIT * 1000]), files)
    found = {source for block in blocks for source in block.sources}
    missing = sorted(set(files) - found)
    assert not missing, f"included files not shown as a copyable block: {missing}"
