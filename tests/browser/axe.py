"""Run axe-core in the page, as a reader's browser renders it."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from playwright.sync_api import Page

from tests.support.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
# ``where`` is null (the whole document) or {include, exclude}: CSS selectors of the parts to
# check and to leave out; a selector that matches nothing on this page is dropped (axe refuses
# an include that finds nothing). It runs nothing, and returns null, when axe is not in the page
# yet: the first run on a page injects it then (one call to the page, not two, for every run).
RUN_AXE = """
async ([rules, where]) => {
  if (typeof axe === "undefined") return null;
  const options = { resultTypes: ["violations"] };
  if (rules) options.runOnly = { type: "rule", values: rules };
  const present = (selectors) => selectors
    .filter((selector) => document.querySelector(selector)).map((selector) => [selector]);
  let context = document;
  if (where) {
    context = { exclude: present(where.exclude) };
    if (where.include.length) context.include = present(where.include);
  }
  const results = await axe.run(context, options);
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => {
      const data = n.any.length && n.any[0].data;
      const colours = data && data.fgColor ? ` ${data.fgColor} on ${data.bgColor} = ${data.contrastRatio}` : "";
      return n.target.join(" ") + colours;
    }),
    nodes: v.nodes.length,
  }));
}
"""


@dataclass(frozen=True)
class Violation:
    id: str
    impact: str
    help: str
    targets: list[str]
    nodes: int

    @property
    def blocking(self) -> bool:
        return self.impact in BLOCKING_IMPACTS

    def __str__(self) -> str:
        return f"{self.impact} {self.id} ({self.nodes}x): {self.help} at {self.targets}"


@dataclass(frozen=True)
class Part:
    """Part of a page for axe to check: what ``include`` selects (everything when empty), less
    what ``exclude`` selects."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@functools.cache
def axe_script() -> str:
    """axe, set to leave each node's HTML out of its results: by default it copies the
    outerHTML of every node it checks (the article's whole text, for the rules that look at
    landmarks), and nothing here reads it; what it finds is the same."""
    return AXE.read_text(encoding="utf-8") + "\naxe.configure({ noHtml: true });\n"


def axe_violations(
    page: Page, rules: tuple[str, ...] | None = None, part: Part | None = None
) -> list[Violation]:
    """Every axe violation on the page as it is shown now, for all of axe's rules or only
    ``rules``, in the whole document or only ``part`` of it (axe is injected on first use)."""
    where = None if part is None else {"include": part.include, "exclude": part.exclude}
    run = [list(rules) if rules else None, where]
    found = page.evaluate(RUN_AXE, run)
    if found is None:
        page.add_script_tag(content=axe_script())
        found = page.evaluate(RUN_AXE, run)
    return [Violation(**v) for v in found]
