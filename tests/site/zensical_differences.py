"""How the site built by Zensical may differ from the site built by MkDocs, each with its reason.

``tests/site/test_zensical.py`` compares the two builds of the same ``mkdocs.yml`` page by page
and fails on any difference not listed here; it also fails on an entry here that no longer
happens, so this list says what Zensical does not yet do, and nothing more. A key is the
difference as the test names it: ``<page URL path> <what differs>``.
"""

from __future__ import annotations

ACCEPTED: dict[str, str] = {}
