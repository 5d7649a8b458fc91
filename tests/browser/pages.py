"""What the browser tests open, and what they count on a built page before opening it."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from tests.support.pages import built_file

# siteparts/diagrams.py puts each diagram on the page as a figure holding its drawing (an SVG).
DIAGRAM = '<figure class="diagram">'


def diagram_count(site_dir: Path, path: str) -> int:
    return built_file(site_dir, path).read_text(encoding="utf-8").count(DIAGRAM)


def open_page(page: Page, path: str) -> None:
    """Load ``path``; its diagrams are part of the HTML, so there is nothing more to wait for."""
    response = page.goto(path, wait_until="load")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
