"""Which page an extension is converting, under MkDocs or under Zensical.

Python-Markdown gives an extension the text only. Both builders register a processor of their
own that knows the page before they convert it: MkDocs 1.6 its ``relpath`` tree processor,
holding the page's ``File`` (``mkdocs/structure/pages.py``, ``Page.render``), Zensical its
``rendering_context`` preprocessor, holding a ``Page`` with the source path and the front
matter it sends back to the theme (``zensical/extensions/context.py``). This module reads
whichever is there, so the extensions need neither builder's API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markdown import Markdown


class UnknownPageError(RuntimeError):
    """The Markdown is converted by neither MkDocs nor Zensical, so no page is known."""


@dataclass(frozen=True)
class PageInfo:
    source: str  # docs-relative path with forward slashes: ``guides/errors-and-retries.md``
    meta: dict[str, Any]  # the page's front matter, which the theme templates read


def current_page(md: Markdown) -> PageInfo:
    """The page ``md`` is converting; call it while converting (from a processor's ``run``).

    ``siteparts.llms``, which runs the extensions itself, names the page in ``md.page_info``.
    """
    given = getattr(md, "page_info", None)
    if isinstance(given, PageInfo):
        return given
    if "relpath" in md.treeprocessors:  # MkDocs
        file = md.treeprocessors["relpath"].file
        return PageInfo(file.src_uri, file.page.meta)
    if "rendering_context" in md.preprocessors:  # Zensical
        page = md.preprocessors["rendering_context"].page
        return PageInfo(page.path.replace("\\", "/"), page.meta)
    raise UnknownPageError("no builder's page context: convert this page with mkdocs or zensical")
