"""The site builds with ``mkdocs build --strict``: every include, link and nav entry resolves.

The build itself is the ``site_dir`` fixture (``tests/support/site.py``): a strict build that
fails raises with mkdocs' stderr, which fails this test. What it wrote is then checked here:
the home page, the 404 page and a page for every entry in the nav.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.navigation import nav_sources
from tests.support.pages import built_file, url_path


def test_site_builds_strict_with_every_nav_page(site_dir: Path) -> None:
    assert (site_dir / "index.html").is_file(), "the build wrote no index.html"
    assert (site_dir / "404.html").is_file(), "the build wrote no 404.html"
    missing = [s for s in nav_sources() if not built_file(site_dir, url_path(s)).is_file()]
    assert not missing, f"nav pages the build did not write: {missing}"
