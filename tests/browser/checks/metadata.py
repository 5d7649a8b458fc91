"""The page describes itself: a search engine or a link preview shows its own summary.

A page that falls back to the site's ``<meta name="description">`` says nothing about itself.
"""

from __future__ import annotations

import functools

from tests.browser.visit import Visit
from tests.support.navigation import site_config

DESCRIPTIONS = """
() => [...document.querySelectorAll('meta[name="description"]')]
  .map((meta) => meta.getAttribute("content") || "")
"""


@functools.cache
def site_default() -> str:
    """The site's own description, read once a run (loading mkdocs.yml loads its plugins)."""
    return " ".join((site_config().site_description or "").split())


def describes_itself(visit: Visit) -> None:
    found = visit.page.evaluate(DESCRIPTIONS)
    assert len(found) == 1, f"{len(found)} meta descriptions"
    description = found[0].strip()
    assert description, "empty meta description"
    assert description != site_default(), "meta description is the site's default"
