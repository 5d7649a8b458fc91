"""Tabs hold other runs of one program, and show the first without a click.

A program's output sits right below it, in the first tab of a set whose other tabs are other
runs of the same program (other situations): so the first tab of every set is the one selected
when the page opens, and no set is inside another (two rows of tabs over one block). How a row
of labels behaves on a phone is checked with the page's other phone measurements
(``phone.py``).
"""

from __future__ import annotations

import functools
from pathlib import Path

from tests.browser.visit import Visit
from tests.support.pages import built_file, page_paths_from_site

TABBED_SET = 'class="tabbed-set'

# Each tabbed set whose selected tab is not its first: its labels and the one selected.
NOT_FIRST_SELECTED = """
() => [...document.querySelectorAll(".tabbed-set")].flatMap((set) => {
  const inputs = [...set.querySelectorAll(":scope > input")];
  const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")]
    .map((label) => label.textContent.trim());
  const chosen = inputs.findIndex((input) => input.checked);
  return chosen === 0 ? [] : [`${labels.join(" | ")}: ${chosen < 0 ? "none" : labels[chosen]}`];
})
"""

# Each tabbed set inside another: its labels, and the labels of the set around it.
NESTED = """
() => [...document.querySelectorAll(".tabbed-set .tabbed-set")].map((inner) => {
  const labels = (set) => [...set.querySelectorAll(":scope > .tabbed-labels > label")]
    .map((label) => label.textContent.trim()).join(" | ");
  return `${labels(inner)} inside ${labels(inner.parentElement.closest(".tabbed-set"))}`;
})
"""


@functools.cache
def pages_with_tabs(site_dir: Path) -> list[str]:
    """Pages whose built HTML holds a tabbed set, in site order."""
    return [
        path
        for path in page_paths_from_site(site_dir)
        if TABBED_SET in built_file(site_dir, path).read_text(encoding="utf-8")
    ]


def first_tab_selected(visit: Visit) -> None:
    """As first shown, every set shows its first tab (the ordinary run's output)."""
    wrong = visit.page.evaluate(NOT_FIRST_SELECTED)
    assert not wrong, "tabbed sets not showing their first tab: " + "; ".join(wrong)


def no_tabs_inside_tabs(visit: Visit) -> None:
    nested = visit.page.evaluate(NESTED)
    visit.figures["tabbed sets inside tabbed sets"] = len(nested)
    assert not nested, "tabbed sets inside others (two rows of tabs): " + "; ".join(nested)
