"""``llms.txt`` lists every page in the nav, and every link in it leads to a built file.

Coding assistants read ``llms.txt`` to find the pages, and ``llms-full.txt`` to read them all
at once; both are written by the build. A page added to the nav must show up with no edit.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.navigation import nav_sources, site_config

LINK = re.compile(r"^- \[([^\]]+)\]\(([^)\s]+)\)", re.MULTILINE)


def markdown_url(source: str) -> str:
    """Where the build publishes a page's Markdown: ``concepts.md`` -> ``concepts/index.md``."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.md"
    return f"{stem}/index.md"


def listed(site_dir: Path) -> dict[str, str]:
    """Linked URL (without the site URL) -> link text, as ``llms.txt`` lists them."""
    base = site_config().site_url or ""
    text = (site_dir / "llms.txt").read_text(encoding="utf-8")
    return {url.removeprefix(base): title for title, url in LINK.findall(text)}


def test_llms_txt_lists_every_page_in_the_nav(site_dir: Path) -> None:
    links = listed(site_dir)
    missing = [s for s in nav_sources() if markdown_url(s) not in links]
    assert not missing, f"pages in the nav but not in llms.txt: {missing}"


def test_every_llms_txt_link_resolves_to_a_built_file(site_dir: Path) -> None:
    links = listed(site_dir)
    assert links, "llms.txt lists no pages"
    broken = [url for url in links if not (site_dir / url).is_file()]
    assert not broken, f"llms.txt links to files the build did not write: {broken}"


def test_llms_full_txt_holds_every_page(site_dir: Path) -> None:
    full = (site_dir / "llms-full.txt").read_text(encoding="utf-8")
    missing = []
    for url in listed(site_dir):
        page = (site_dir / url).read_text(encoding="utf-8").strip()
        if not page or page not in full:
            missing.append(url)
    assert not missing, f"pages missing from llms-full.txt: {missing}"
