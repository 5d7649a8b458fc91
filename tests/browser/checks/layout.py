"""The page reads at a laptop's width: nothing breaks a name or a title.

At 1280 px a code name in a table cell stays on one line (``RawMessageStartEvent``, never
``RawMessageStartEv`` over ``ent``), and a page title of ``SHORT_TITLE`` characters or fewer
takes one line (the Markdown controls beside it must not push it onto a second). Every code
name that could be shown is measured: those in tabs not picked and notes not opened are shown
for the measurement and put back (``fitting.with_everything_shown``). How the page reads on a
phone is checked in ``phone.py``.
"""

from __future__ import annotations

from tests.browser.checks.fitting import WIDTH, with_everything_shown
from tests.browser.visit import Visit

SHORT_TITLE = 40  # characters: a title this short has no reason to wrap at 1280 px

# Each code name in a table cell that takes more than one line box.
TABLE_CODE_WRAPPED = with_everything_shown("""
() => {
  const names = [...document.querySelectorAll(".md-content td code, .md-content th code")];
  const wrapped = names.filter((code) => code.getClientRects().length > 1)
    .map((code) => code.textContent);
  return { names: names.length, wrapped };
}
""")

# The page's title (its h1), and how many lines its text takes: the tops of its text's boxes,
# counted apart when they are more than half the title's font size apart (a link's box inside
# it sits a little higher or lower on the same line).
TITLE_LINES = """
() => {
  const title = document.querySelector(".md-content h1");
  if (!title) return null;
  const tops = [];
  const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) if (box.width > 0) tops.push(box.top);
  }
  tops.sort((a, b) => a - b);
  const apart = parseFloat(getComputedStyle(title).fontSize) / 2;
  const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1] > apart).length;
  const link = title.querySelector(".headerlink");
  const text = title.textContent.replace(link ? link.textContent : "", "").trim();
  return { text, lines };
}
"""


def _at_the_laptop_width(visit: Visit) -> None:
    size = visit.page.viewport_size
    assert size is not None and size["width"] == WIDTH, f"measured at {size}, not {WIDTH} px"


def table_code_names_on_one_line(visit: Visit) -> None:
    _at_the_laptop_width(visit)
    found = visit.page.evaluate(TABLE_CODE_WRAPPED)
    visit.figures["code names in tables"] = found["names"]
    visit.figures["code names in tables wrapping"] = len(found["wrapped"])
    assert not found["wrapped"], (
        f"{len(found['wrapped'])} code names in table cells wrap at {WIDTH} px: "
        + ", ".join(found["wrapped"][:10])
    )


def short_title_on_one_line(visit: Visit) -> None:
    _at_the_laptop_width(visit)
    title = visit.page.evaluate(TITLE_LINES)
    assert title is not None, "the page has no title (h1)"
    if len(title["text"]) > SHORT_TITLE:
        return
    visit.figures["short titles wrapping"] = int(title["lines"] > 1)
    assert title["lines"] == 1, f"the title {title['text']!r} takes {title['lines']} lines"
