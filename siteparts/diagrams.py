"""Show each diagram as the SVG drawn from it ahead of time, so no page loads a diagram library.

A page writes its diagram as a ```` ```mermaid ```` fence. The test suite draws each one in
Chromium with mermaid (``make regen ONLY=diagrams``) and keeps the drawing in ``diagrams/`` like a golden
file: ``diagrams/<page>.<n>.svg`` for the page's n-th diagram, its first line naming the digest
of the source it was drawn from. This hook puts that SVG in the page where the fence was, with
no colours of its own (``assets/stylesheets/diagrams.css`` gives it the scheme's colours), as
the last step of converting the page's Markdown. A drawing missing or drawn from another source
stops the build, whichever builder runs it (Zensical's ``--strict`` does not count a logged
warning), so a page never shows a diagram that disagrees with its source.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from siteparts.page import current_page

DRAWINGS = "diagrams"  # beside docs/, at the root of the repository
# What pymdownx.superfences writes for a mermaid fence (mkdocs.yml custom_fences).
FENCE_HTML = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.DOTALL)
# The same fence in a page's Markdown.
FENCE_MARKDOWN = re.compile(r"^```mermaid\n(.*?)^```$", re.DOTALL | re.MULTILINE)
HEADER = re.compile(r"\A<!-- drawn from sha256:([0-9a-f]{64}) .*?-->\n")


class StaleDrawingError(ValueError):
    """A diagram's drawing is missing or was drawn from another source."""


def digest(source: str) -> str:
    """The digest of a diagram's source, as written in the first line of its drawing."""
    return hashlib.sha256(source.strip().encode("utf-8")).hexdigest()


def header(source: str, tool: str) -> str:
    return (
        f"<!-- drawn from sha256:{digest(source)} by {tool}; redraw: make regen ONLY=diagrams -->\n"
    )


def drawing_path(root: Path, page_source: str, number: int) -> Path:
    """``concepts.md``, 1 -> ``<root>/diagrams/concepts.1.svg``."""
    return root / DRAWINGS / f"{page_source.removesuffix('.md')}.{number}.svg"


def sources_in(markdown: str) -> list[str]:
    """The source of every diagram fence of a page, in page order."""
    return FENCE_MARKDOWN.findall(markdown)


def stale(drawing: str, source: str) -> str | None:
    """Why ``drawing`` is not the drawing of ``source``, or None when it is."""
    found = HEADER.match(drawing)
    if found is None:
        return "it has no 'drawn from sha256:' first line"
    if found.group(1) != digest(source):
        return "it was drawn from another source"
    return None


def figure(drawing: str) -> str:
    return f'<figure class="diagram">{HEADER.sub("", drawing).strip()}</figure>'


def swap_drawings(content: str, page_source: str, root: Path) -> str:
    """``content`` (a page's HTML) with each mermaid fence replaced by its drawing."""
    number = 0

    def swap(found: re.Match[str]) -> str:
        nonlocal number
        number += 1
        source = html.unescape(found.group(1))
        path = drawing_path(root, page_source, number)
        where = path.relative_to(root)
        if not path.is_file():
            raise StaleDrawingError(
                f"{page_source}: diagram {number} has no drawing {where}: run `make regen ONLY=diagrams`"
            )
        drawing = path.read_text(encoding="utf-8")
        problem = stale(drawing, source)
        if problem:
            raise StaleDrawingError(
                f"{page_source}: {where} is stale ({problem}): run `make regen ONLY=diagrams`"
            )
        return figure(drawing)

    return FENCE_HTML.sub(swap, content)


class _Drawings(Postprocessor):
    def run(self, text: str) -> str:
        if '<pre class="mermaid">' not in text:
            return text
        return swap_drawings(text, current_page(self.md).source, Path.cwd())


class DiagramsExtension(Extension):
    """Drawings are found in ``diagrams/`` under the folder the build runs in (the project
    root), as ``pymdownx.snippets`` finds the snippets."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Last: after the stashed fence HTML is put back (30) and entities restored (10).
        md.postprocessors.register(_Drawings(md), "diagrams", 1)


def makeExtension(**kwargs: Any) -> DiagramsExtension:  # noqa: N802
    return DiagramsExtension(**kwargs)
