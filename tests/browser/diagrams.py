"""Draw a page's diagrams in Chromium with mermaid, as the site shows them, ahead of time.

The site ships no diagram library: ``siteparts/diagrams.py`` puts each diagram's stored drawing
(``diagrams/<page>.<n>.svg``) where its ```` ```mermaid ```` fence was. This draws them, with the
mermaid of ``node_modules`` (package.json), and trims each drawing to what the page needs: no
colours (the site's stylesheet gives them, so one drawing serves the light and the dark
scheme), no drop shadows, no shapes or markers it does not use. The text alternative is the
diagram's own ``accTitle``/``accDescr``, which mermaid writes as the drawing's title and
description.

Where the lines fall depends on the fonts of the machine that draws, so a drawing is compared
with a fresh one by its outline (every text, in order, and how many shapes of each kind), not
byte for byte.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

from siteparts import diagrams as diagrams_part
from tests.support.paths import DOCS, ROOT

MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
MERMAID_PACKAGE = ROOT / "node_modules" / "mermaid" / "package.json"
# Material's text font when the theme loads no web font (mkdocs.yml: font: false).
FONT = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"

DRAW = """
async ([source, id, font]) => {
  mermaid.initialize({
    startOnLoad: false, theme: "base", look: "classic", securityLevel: "strict",
    fontFamily: font, themeVariables: { fontFamily: font },
    sequence: { actorFontFamily: font, messageFontFamily: font, noteFontFamily: font },
  });
  const { svg } = await mermaid.render(id, source);
  const holder = document.createElement("div");
  holder.innerHTML = svg;
  const drawing = holder.querySelector("svg");
  drawing.querySelectorAll("style, filter").forEach((el) => el.remove());
  drawing.querySelectorAll("[filter]").forEach((el) => el.removeAttribute("filter"));
  const used = (el) => drawing.outerHTML.includes(`#${el.id}`);
  drawing.querySelectorAll("symbol, marker").forEach((el) => { if (!used(el)) el.remove(); });
  drawing.querySelectorAll("defs").forEach((el) => { if (!el.children.length) el.remove(); });
  return new XMLSerializer().serializeToString(drawing);
}
"""

# Every text of a drawing in order, and how many elements of each kind it holds.
OUTLINE = """
(svg) => {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const error = doc.querySelector("parsererror");
  if (error) return { error: error.textContent };
  const root = doc.documentElement;
  const kinds = {};
  for (const el of root.querySelectorAll("*")) kinds[el.localName] = (kinds[el.localName] || 0) + 1;
  const texts = [...root.querySelectorAll("title, desc, text")]
    .map((el) => `${el.localName}: ${el.textContent.trim()}`);
  return { texts, kinds, role: root.getAttribute("role") };
}
"""


@dataclass(frozen=True)
class Diagram:
    """One diagram fence of a page, and where its drawing is kept."""

    page: str  # docs/-relative source, e.g. "concepts.md"
    number: int  # 1 for the page's first diagram
    source: str

    @property
    def drawing(self) -> Path:
        return diagrams_part.drawing_path(ROOT, self.page, self.number)

    @property
    def id(self) -> str:
        return f"diagram-{self.number}"

    def __str__(self) -> str:
        return f"{self.page}#{self.number}"


def diagrams_in_docs() -> list[Diagram]:
    found = []
    for md in sorted(DOCS.rglob("*.md")):
        sources = diagrams_part.sources_in(md.read_text(encoding="utf-8"))
        page = md.relative_to(DOCS).as_posix()
        found += [Diagram(page, n, s) for n, s in enumerate(sources, start=1)]
    return found


def mermaid_version() -> str:
    found = re.search(r'"version":\s*"([^"]+)"', MERMAID_PACKAGE.read_text(encoding="utf-8"))
    assert found, f"no version in {MERMAID_PACKAGE}"
    return found.group(1)


def prepare(page: Page) -> None:
    """Give ``page`` mermaid, from ``node_modules`` (the site itself never loads it).

    The page is a file that loads mermaid by its file URL: the browser reads the 5 MB script
    from disk itself, where handing it over as a script tag's text took it through Playwright's
    processes and cost about half again as much CPU.
    """
    if not MERMAID.is_file():
        raise FileNotFoundError(f"{MERMAID} is missing: run `make test` (npm ci) first")
    with tempfile.TemporaryDirectory() as folder:
        blank = Path(folder) / "draw.html"
        blank.write_text(
            "<!doctype html><html lang='en'><head>"
            f"<script src='{MERMAID.as_uri()}'></script></head><body></body></html>",
            encoding="utf-8",
        )
        page.goto(blank.as_uri(), wait_until="load")
    if page.evaluate("() => typeof mermaid") == "undefined":
        raise RuntimeError(f"{MERMAID} did not load")


def draw(page: Page, diagram: Diagram) -> str:
    """The drawing of ``diagram`` as stored: its source's digest on the first line, then SVG."""
    svg = page.evaluate(DRAW, [diagram.source, diagram.id, FONT])
    return diagrams_part.header(diagram.source, f"mermaid {mermaid_version()}") + svg + "\n"


def outline(page: Page, drawing: str) -> dict[str, object]:
    """What a drawing says, regardless of where the fonts put it."""
    return page.evaluate(OUTLINE, diagrams_part.HEADER.sub("", drawing))
