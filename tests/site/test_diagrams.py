"""Every diagram is shown as its stored drawing, drawn from the source the page holds.

The drawing is checked against its source's digest (its first line) here, without a browser;
``tests/browser/test_diagrams.py`` draws it again. The built site holds no diagram library and
no diagram left for one to draw.
"""

from __future__ import annotations

from pathlib import Path

from siteparts import diagrams as diagrams_part
from tests.support.generated import DIAGRAMS
from tests.support.pages import built_file, url_path
from tests.support.paths import DOCS, ROOT


def _sources() -> dict[str, list[str]]:
    found = {}
    for md in sorted(DOCS.rglob("*.md")):
        sources = diagrams_part.sources_in(md.read_text(encoding="utf-8"))
        if sources:
            found[md.relative_to(DOCS).as_posix()] = sources
    return found


def test_every_diagram_has_a_drawing_of_its_source() -> None:
    problems = []
    for page, sources in _sources().items():
        for number, source in enumerate(sources, start=1):
            path = diagrams_part.drawing_path(ROOT, page, number)
            if not path.is_file():
                problems.append(f"{page} diagram {number}: no {path.relative_to(ROOT)}")
                continue
            stale = diagrams_part.stale(path.read_text(encoding="utf-8"), source)
            if stale:
                problems.append(f"{page} diagram {number}: {path.relative_to(ROOT)}: {stale}")
    assert not problems, f"run `{DIAGRAMS.command()}`:\n" + "\n".join(problems)


def test_every_drawing_belongs_to_a_diagram() -> None:
    wanted = {
        diagrams_part.drawing_path(ROOT, page, number)
        for page, sources in _sources().items()
        for number in range(1, len(sources) + 1)
    }
    kept = set((ROOT / diagrams_part.DRAWINGS).rglob("*.svg"))
    assert kept == wanted, f"drawings of no diagram: {sorted(map(str, kept - wanted))}"


def test_the_built_pages_show_drawings_and_no_library(site_dir: Path) -> None:
    for page, sources in _sources().items():
        html = built_file(site_dir, url_path(page)).read_text(encoding="utf-8")
        assert html.count('<figure class="diagram"><svg') == len(sources), page
    shipped = [p.relative_to(site_dir) for p in site_dir.rglob("*mermaid*")]
    assert not shipped, f"the site ships a diagram library: {shipped}"
    drawable = [
        p.relative_to(site_dir)
        for p in site_dir.rglob("*.html")
        if 'class="mermaid"' in p.read_text(encoding="utf-8")
    ]
    assert not drawable, f"pages with a diagram left for a library to draw: {drawable}"
