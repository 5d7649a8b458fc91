"""The page loads cleanly, privately and at a sensible weight, and shows its diagrams.

Private means the page asks for nothing from any host but the site's own: no fonts, scripts,
images or analytics from elsewhere. Requests to other hosts are blocked and reported, so a
page that tries one fails here without reaching the network. Diagrams come drawn, as SVG in
the page (``siteparts/diagrams.py``): no page loads a diagram library to draw them.
"""

from __future__ import annotations

from tests.browser.visit import Visit

# First-load budget of every page, diagrams included (headers and bodies, uncompressed as this
# server sends them). The search index is loaded by every page and grows with the site, so it
# has a budget of its own, checked once (the page visits are given an empty index).
PAGE_BUDGET = 1_000_000
SEARCH_INDEX_BUDGET = 2_000_000
DIAGRAM_LIBRARIES = ("mermaid", "d3", "dagre", "elk", "cytoscape", "katex")

# Every diagram's drawing, as the reader sees it: its size, its accessible name and
# description (the drawing's title and desc), and whether its text takes the page's text colour
# (so it reads in either scheme) rather than a colour of its own.
DIAGRAMS_SHOWN = """
() => [...document.querySelectorAll("figure.diagram")].map((figure) => {
  const svg = figure.querySelector(":scope > svg");
  if (!svg) return { svg: false };
  const box = svg.getBoundingClientRect();
  const named = (attr) => (svg.getAttribute(attr) || "").split(/\\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)).filter(Boolean)
    .map((el) => el.textContent.trim()).join(" ");
  const text = svg.querySelector("text");
  const page = getComputedStyle(document.querySelector(".md-typeset"));
  return {
    svg: true,
    width: box.width,
    height: box.height,
    name: named("aria-labelledby"),
    description: named("aria-describedby"),
    textColour: text ? getComputedStyle(text).fill : null,
    pageColour: page.color,
    styled: Boolean(svg.querySelector("style")),
  };
})
"""


def loads_cleanly(visit: Visit) -> None:
    """No request to another host, no failed request, no console error; the page itself was
    what loaded."""
    load = visit.first_load()
    assert load.problems == [], "\n".join(load.problems)
    assert visit.url(visit.path) in load.requests, f"{visit.url(visit.path)} was never requested"


def loads_no_diagram_library(visit: Visit) -> None:
    """Diagrams come drawn: nothing the first load fetched is a diagram library."""
    libraries = [
        url
        for url in visit.first_load().requests
        if url.endswith(".js") and any(name in url.rsplit("/", 1)[-1] for name in DIAGRAM_LIBRARIES)
    ]
    assert not libraries, f"the page loads a diagram library: {libraries}"
    assert visit.page.evaluate("() => typeof window.mermaid") == "undefined", "mermaid is loaded"


def stays_within_budget(visit: Visit) -> None:
    """The page's first load, the search index aside (whose own budget is checked where a
    search loads it, ``search_index_within_budget``), is within ``PAGE_BUDGET``."""
    sizes = visit.first_load().bytes_by_url
    index = visit.url(visit.search_index)
    assert index in sizes, f"{visit.search_index} was never loaded"
    page_bytes = sum(size for url, size in sizes.items() if url != index)
    visit.figures["first-load bytes"] = page_bytes
    assert 0 < page_bytes <= PAGE_BUDGET, (
        f"first load took {page_bytes} bytes besides the search index (budget "
        f"{PAGE_BUDGET}): " + ", ".join(f"{u} {n}" for u, n in sorted(sizes.items()))
    )


def search_index_within_budget(visit: Visit) -> None:
    """The site's search index, as the first load fetched it, is within its budget."""
    index = visit.first_load().bytes_by_url.get(visit.url(visit.search_index), 0)
    visit.figures["search index bytes"] = index
    assert 0 < index <= SEARCH_INDEX_BUDGET, f"search index took {index} bytes"


def shows_its_diagrams(visit: Visit) -> None:
    """Every diagram is a drawing with a size, a name and a description, in the page's colours."""
    shown = visit.page.evaluate(DIAGRAMS_SHOWN)
    assert len(shown) == visit.diagrams, f"{len(shown)} of {visit.diagrams} diagrams shown"
    for number, diagram in enumerate(shown, start=1):
        where = f"diagram {number}"
        assert diagram["svg"], f"{where} has no drawing"
        assert diagram["width"] > 100 and diagram["height"] > 100, f"{where} is {diagram}"
        assert diagram["name"] and diagram["description"], f"{where} has no text alternative"
        assert not diagram["styled"], f"{where} brings a stylesheet (and colours) of its own"
        assert diagram["textColour"] == diagram["pageColour"], (
            f"{where}: text in {diagram['textColour']}, the page's text is {diagram['pageColour']}"
        )
