"""The page loads cleanly, privately and at a sensible weight, and draws its diagrams.

Private means the page asks for nothing from any host but the site's own: no fonts, scripts,
images or analytics from elsewhere. Requests to other hosts are blocked and reported, so a
page that tries one fails here without reaching the network.
"""

from __future__ import annotations

from tests.browser.pages import DIAGRAMS_DRAWN
from tests.browser.visit import SEARCH_INDEX, Visit

MERMAID = "/assets/vendor/mermaid.min.js"
# First-load budgets (headers and bodies, uncompressed as this server sends them). The search
# index is loaded by every page and grows with the site, so it has a budget of its own.
# Mermaid is about 5.5 MB, so a page with a diagram gets that much more.
PAGE_BUDGET = 1_000_000
DIAGRAM_BUDGET = 6_000_000
SEARCH_INDEX_BUDGET = 2_000_000


def loads_cleanly(visit: Visit) -> None:
    """No request to another host, no failed request, no console error; the page itself was
    what loaded."""
    load = visit.first_load()
    assert load.problems == [], "\n".join(load.problems)
    assert visit.url(visit.path) in load.requests, f"{visit.url(visit.path)} was never requested"


def loads_mermaid_only_where_drawn(visit: Visit) -> None:
    loads_mermaid = visit.url(MERMAID) in visit.first_load().requests
    has_diagrams = visit.diagrams > 0
    assert loads_mermaid == has_diagrams, (
        f"mermaid {'loaded' if loads_mermaid else 'not loaded'} on a page "
        f"{'with' if has_diagrams else 'without'} diagrams"
    )


def stays_within_budget(visit: Visit) -> None:
    sizes = visit.first_load().bytes_by_url
    index = sizes.get(visit.url(SEARCH_INDEX), 0)
    assert 0 < index <= SEARCH_INDEX_BUDGET, f"search index took {index} bytes"
    page_bytes = sum(sizes.values()) - index
    budget = DIAGRAM_BUDGET if visit.diagrams else PAGE_BUDGET
    assert 0 < page_bytes <= budget, (
        f"first load took {page_bytes} bytes besides the search index (budget "
        f"{budget}): " + ", ".join(f"{u} {n}" for u, n in sorted(sizes.items()))
    )


def draws_its_diagrams(visit: Visit) -> None:
    """Every diagram is still drawn once the network is quiet (a late error would undo it)."""
    if not visit.diagrams:
        return
    visit.first_load()  # wait for the network to go quiet, as the page a reader looks at has
    drawn = visit.page.evaluate(DIAGRAMS_DRAWN, visit.diagrams)
    assert drawn, f"not all of its {visit.diagrams} diagrams are drawn"
