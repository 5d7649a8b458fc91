"""Every page of the nav is also written as Markdown, whole: what "Copy as Markdown" copies.

The build writes ``<page>/index.md`` beside each page (``siteparts/llms.py``); the page links it
and its button copies it (``tests/browser/checks/markdown.py``). Here: each page has it, and it
holds every program and output the page includes, in full and unchanged, so a reader who pastes
it into an assistant pastes the tested files, not a summary of them.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from tests.support.navigation import nav_sources
from tests.support.pages import url_path
from tests.support.paths import DOCS, ROOT

WHOLE_FILE_INCLUDE = re.compile(r'^\s*--8<--\s+"(snippets/[^":]+)"\s*$', re.MULTILINE)


def markdown_of(site_dir: Path, source: str) -> Path:
    return site_dir / url_path(source).lstrip("/") / "index.md"


def test_every_nav_page_has_its_markdown(site_dir: Path) -> None:
    missing = [s for s in nav_sources() if not markdown_of(site_dir, s).is_file()]
    assert not missing, f"nav pages with no Markdown beside them: {missing}"


def test_the_markdown_holds_every_included_file_in_full(site_dir: Path) -> None:
    problems = []
    checked = 0
    for source in nav_sources():
        markdown = markdown_of(site_dir, source)
        if not markdown.is_file():
            continue  # reported above
        text = markdown.read_text(encoding="utf-8")
        for target in WHOLE_FILE_INCLUDE.findall((DOCS / source).read_text(encoding="utf-8")):
            checked += 1
            if (ROOT / target).read_text(encoding="utf-8").strip("\n") not in text:
                problems.append(f"{markdown.relative_to(site_dir)} lacks {target}")
    assert checked, "no page includes a file: this check has nothing to check"
    assert not problems, "\n".join(problems)


def test_llms_txt_names_the_installed_sdk(site_dir: Path) -> None:
    """Its description names the SDK the examples ran with, from the data files, not typed."""
    text = (site_dir / "llms.txt").read_text(encoding="utf-8")
    assert f"`anthropic` Python SDK {version('anthropic')}," in text
