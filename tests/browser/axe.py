"""Run axe-core in the page, as a reader's browser renders it."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

from tests.support.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
RUN_AXE = """
async (rules) => {
  const options = { resultTypes: ["violations"] };
  if (rules) options.runOnly = { type: "rule", values: rules };
  const results = await axe.run(document, options);
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


def axe_violations(page: Page, rules: tuple[str, ...] | None = None) -> list[Violation]:
    """Every axe violation on the page as it is shown now, for all of axe's rules or only
    ``rules`` (axe is injected on first use)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=AXE)
    return [Violation(**v) for v in page.evaluate(RUN_AXE, list(rules) if rules else None)]
