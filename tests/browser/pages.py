"""What the browser tests wait for and look at on a loaded page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from tests.support.pages import built_file

# Material turns each `pre.mermaid` into a `div.mermaid` host whose (opened) shadow root
# holds the drawn `svg`; a diagram that fails to parse leaves no svg and logs an error.
DIAGRAMS_DRAWN = """
(expected) => {
  const hosts = [...document.querySelectorAll("div.mermaid")];
  return hosts.length === expected
    && hosts.every((host) => host.shadowRoot && host.shadowRoot.querySelector("svg"));
}
"""


def diagram_count(site_dir: Path, path: str) -> int:
    return built_file(site_dir, path).read_text(encoding="utf-8").count('class="mermaid"')


def open_page(page: Page, path: str, site_dir: Path) -> None:
    """Load ``path`` and wait until every diagram is drawn."""
    response = page.goto(path, wait_until="load")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    diagrams = diagram_count(site_dir, path)
    if diagrams:
        page.wait_for_function(DIAGRAMS_DRAWN, arg=diagrams, timeout=30_000)
