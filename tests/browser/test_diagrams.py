"""Each diagram's stored drawing is the one mermaid draws from its source today.

``make diagrams`` (``--update-goldens``) redraws them into ``diagrams/``; otherwise each is
drawn afresh and compared with the stored one by outline (``tests/browser/diagrams.py`` says
why not byte for byte). One browser page draws every diagram, so mermaid is parsed once; it
needs no built site (a stale drawing fails the build, and this is what redraws it).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.diagrams import Diagram, diagrams_in_docs, draw, outline, prepare
from tests.support.paths import ROOT

DIAGRAMS = diagrams_in_docs()


def _problems(page: Page, diagram: Diagram) -> list[str]:
    fresh = draw(page, diagram)
    name = diagram.drawing.relative_to(ROOT)
    if not diagram.drawing.is_file():
        return [f"{diagram}: {name} is missing: run `make diagrams`"]
    stored = diagram.drawing.read_text(encoding="utf-8")
    drawn, kept = outline(page, fresh), outline(page, stored)
    problems = []
    if kept != drawn:
        problems.append(
            f"{diagram}: {name} does not match its source: run `make diagrams`\n"
            f"  stored: {kept}\n  drawn:  {drawn}"
        )
    texts = [t for t in kept.get("texts", []) if t.startswith(("title: ", "desc: "))]
    if len(texts) != 2 or not all(t.split(": ", 1)[1] for t in texts):
        problems.append(f"{diagram}: no text alternative (give it accTitle: and accDescr:)")
    return problems


@pytest.mark.browser
def test_drawings_match_their_sources(browser: Browser, update_goldens: bool) -> None:
    assert DIAGRAMS, "no page has a diagram: this test, siteparts/diagrams.py and diagrams/ can go"
    page = browser.new_page()
    prepare(page)
    if update_goldens:
        for diagram in DIAGRAMS:
            diagram.drawing.parent.mkdir(parents=True, exist_ok=True)
            diagram.drawing.write_text(draw(page, diagram), encoding="utf-8")
    problems = [p for diagram in DIAGRAMS for p in _problems(page, diagram)]
    page.close()
    assert not problems, "\n".join(problems)
