"""How the site built by Zensical may differ from the site built by MkDocs, each with its reason.

``tests/site/test_zensical.py`` compares the two builds of the same ``mkdocs.yml`` page by page
and fails on any difference not listed here; it also fails on an entry here that no longer
happens, so this list says what Zensical does not yet do, and nothing more. A key is the
difference as the test names it: ``<page URL path> <what differs>``.

Seen with Zensical 0.0.73 and not counted, because a reader cannot tell them apart:

- a relative link in raw HTML is rewritten by Zensical as relative to the page's source file
  (``<a href="../llms.txt">`` on ``about-the-examples.md`` becomes ``../../llms.txt``); a
  browser resolves both to ``/llms.txt`` at the site's root, which is where the comparison
  resolves links, but under a sub-path Zensical's would climb one folder too far;
- the theme's own files are its own: Zensical's search index is ``search.json`` (Material's
  ``search/search_index.json``), it writes no ``sitemap.xml.gz``, and its markup around the
  article differs (``tests/browser/test_zensical.py`` checks it works).
"""

from __future__ import annotations

ACCEPTED: dict[str, str] = {}
