"""What every page carries besides its text: its own description, and its neighbours.

A search engine or a link preview shows the ``<meta name="description">``, written from each
source's front matter (the built page is checked by ``checks/metadata.py``). The footer's
previous/next links follow the nav, so a reader can go through the site in order.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.support.navigation import nav_sources
from tests.support.pages import built_file, url_path
from tests.support.paths import DOCS

FOOTER_LINK = re.compile(r'<a href="([^"]*)" class="md-footer__link md-footer__link--(prev|next)"')
FRONT_MATTER_DESCRIPTION = re.compile(r"\A---\n(?:.*\n)*?description: *\S.*\n(?:.*\n)*?---\n")


@pytest.mark.parametrize("md", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_every_page_source_has_a_description(md: str) -> None:
    text = (DOCS / md).read_text(encoding="utf-8")
    assert FRONT_MATTER_DESCRIPTION.match(text), f"docs/{md} has no `description:` front matter"


def test_footer_links_follow_the_nav(site_dir: Path) -> None:
    order = [url_path(source) for source in nav_sources()]
    assert len(order) >= 2, "fewer than two pages in the nav"
    for i, path in enumerate(order):
        links = {
            kind: urljoin(path, href)
            for href, kind in FOOTER_LINK.findall(
                built_file(site_dir, path).read_text(encoding="utf-8")
            )
        }
        expected = {}
        if i > 0:
            expected["prev"] = order[i - 1]
        if i + 1 < len(order):
            expected["next"] = order[i + 1]
        assert links == expected, f"{path}: footer links {links}, nav says {expected}"
