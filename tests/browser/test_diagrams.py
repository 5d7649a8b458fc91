"""Each diagram's stored drawing is the one mermaid draws from its source today.

``make regen ONLY=diagrams`` (``make diagrams``) redraws them into ``diagrams/``; otherwise each
is drawn afresh and compared with the stored one by outline, through
``tests/support/generated.py`` (``tests/browser/diagrams.py`` says
why not byte for byte). One browser page draws every diagram, so mermaid is parsed once; it
needs no built site (a stale drawing fails the build, and this is what redraws it).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.diagrams import Diagram, diagrams_in_docs, draw, outline, prepare
from tests.support.generated import mismatch

DIAGRAMS = diagrams_in_docs()


def _problems(page: Page, diagram: Diagram, update: bool) -> list[str]:
    fresh = draw(page, diagram)
    problem = mismatch(
        diagram.drawing,
        fresh,
        update=update,
        mask=lambda svg: outline(page, svg),
        where=str(diagram),
    )
    if problem is not None and not diagram.drawing.is_file():
        return [problem]
    stored = diagram.drawing.read_text(encoding="utf-8")
    kept = outline(page, stored)
    problems = []
    if problem is not None:
        problems.append(f"{problem}\n  stored: {kept}\n  drawn:  {outline(page, fresh)}")
    texts = [t for t in kept.get("texts", []) if t.startswith(("title: ", "desc: "))]
    if len(texts) != 2 or not all(t.split(": ", 1)[1] for t in texts):
        problems.append(f"{diagram}: no text alternative (give it accTitle: and accDescr:)")
    return problems


@pytest.mark.browser
def test_drawings_match_their_sources(browser: Browser, update_goldens: bool) -> None:
    assert DIAGRAMS, "no page has a diagram: this test, siteparts/diagrams.py and diagrams/ can go"
    page = browser.new_page()
    prepare(page)
    problems = [p for diagram in DIAGRAMS for p in _problems(page, diagram, update_goldens)]
    page.close()
    assert not problems, "\n".join(problems)
