"""What every built page carries besides its text: its own description, and its neighbours.

A search engine or a link preview shows the ``<meta name="description">``; a page that falls
back to the site's description says nothing about itself. The footer's previous/next links
follow the nav, so a reader can go through the site in order.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.browser.navigation import nav_sources, site_config, url_path
from tests.browser.site import page_paths_from_docs
from tests.support.paths import DOCS

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
FOOTER_LINK = re.compile(r'<a href="([^"]*)" class="md-footer__link md-footer__link--(prev|next)"')
FRONT_MATTER_DESCRIPTION = re.compile(r"\A---\n(?:.*\n)*?description: *\S.*\n(?:.*\n)*?---\n")


def built_html(site_dir: Path, path: str) -> str:
    return (site_dir / path.lstrip("/") / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("md", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_every_page_source_has_a_description(md: str) -> None:
    text = (DOCS / md).read_text(encoding="utf-8")
    assert FRONT_MATTER_DESCRIPTION.match(text), f"docs/{md} has no `description:` front matter"


@pytest.mark.parametrize("path", page_paths_from_docs())
def test_every_built_page_describes_itself(site_dir: Path, path: str) -> None:
    found = DESCRIPTION.findall(built_html(site_dir, path))
    assert len(found) == 1, f"{path}: {len(found)} meta descriptions"
    description = html.unescape(found[0]).strip()
    site_default = " ".join((site_config().site_description or "").split())
    assert description, f"{path}: empty meta description"
    assert description != site_default, f"{path}: meta description is the site's default"


def test_footer_links_follow_the_nav(site_dir: Path) -> None:
    order = [url_path(source) for source in nav_sources()]
    assert len(order) >= 2, "fewer than two pages in the nav"
    for i, path in enumerate(order):
        links = {
            kind: urljoin(path, href)
            for href, kind in FOOTER_LINK.findall(built_html(site_dir, path))
        }
        expected = {}
        if i > 0:
            expected["prev"] = order[i - 1]
        if i + 1 < len(order):
            expected["next"] = order[i + 1]
        assert links == expected, f"{path}: footer links {links}, nav says {expected}"
