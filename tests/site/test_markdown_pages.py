"""Every page of the nav is also written as Markdown, whole: what "Copy as Markdown" copies.

The build writes ``<page>/index.md`` beside each page (``siteparts/llms.py``); the page links it
and its button copies it (``tests/browser/checks/markdown.py``). Here: each page has it, and it
holds every program and output the page includes, in full and unchanged, so a reader who pastes
it into an assistant pastes the tested files, not a summary of them. A program is held as the page
shows it, without its section-marker lines (``tests/support/shown.py``), and a section a page
quotes (``--8<-- "file.py:name"``) is held as the lines between its markers, with no marker line
left anywhere in the Markdown.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

from tests.support.navigation import nav_sources
from tests.support.pages import url_path
from tests.support.paths import DOCS, ROOT
from tests.support.shown import SECTION_MARKER, as_shown, shown_file

WHOLE_FILE_INCLUDE = re.compile(r'^\s*--8<--\s+"(snippets/[^":]+)"\s*$', re.MULTILINE)
SECTION_INCLUDE = re.compile(
    r'^\s*--8<--\s+"(snippets/[^":]+):([a-z][-_0-9a-z]*)"\s*$', re.MULTILINE
)


def section_of(text: str, name: str) -> str:
    """The lines of ``text`` between its ``[start:name]`` and ``[end:name]`` markers, as shown
    (other sections' markers inside it left out, dedented as ``dedent_subsections`` does);
    ValueError when there is no such section."""
    lines = text.splitlines(keepends=True)
    marks = [
        i
        for i, line in enumerate(lines)
        if re.search(rf"--8<--\s*\[\s*(start|end)\s*:\s*{name}\s*\]", line)
    ]
    if len(marks) != 2 or "start" not in lines[marks[0]]:
        raise ValueError(f"no section {name!r}")
    return textwrap.dedent(as_shown("".join(lines[marks[0] + 1 : marks[1]])))


def markdown_of(site_dir: Path, source: str) -> Path:
    return site_dir / url_path(source).lstrip("/") / "index.md"


def page_markdowns(site_dir: Path) -> Iterator[tuple[str, Path, str]]:
    """Each nav page's source, its Markdown's path and text (a missing one is reported above)."""
    for source in nav_sources():
        markdown = markdown_of(site_dir, source)
        if markdown.is_file():
            yield source, markdown, markdown.read_text(encoding="utf-8")


def test_every_nav_page_has_its_markdown(site_dir: Path) -> None:
    missing = [s for s in nav_sources() if not markdown_of(site_dir, s).is_file()]
    assert not missing, f"nav pages with no Markdown beside them: {missing}"


def test_the_markdown_holds_every_included_file_in_full(site_dir: Path) -> None:
    problems = []
    checked = 0
    for source, markdown, text in page_markdowns(site_dir):
        for target in WHOLE_FILE_INCLUDE.findall((DOCS / source).read_text(encoding="utf-8")):
            checked += 1
            if shown_file(ROOT / target).strip("\n") not in text:
                problems.append(f"{markdown.relative_to(site_dir)} lacks {target}")
    assert checked, "no page includes a file: this check has nothing to check"
    assert not problems, "\n".join(problems)


def test_the_markdown_holds_each_quoted_section_as_shown(site_dir: Path) -> None:
    problems = []
    checked = 0
    for source, markdown, text in page_markdowns(site_dir):
        left = [m.group(0).strip() for m in SECTION_MARKER.finditer(text)]
        if left:
            problems.append(f"{markdown.relative_to(site_dir)} holds marker lines: {left[:3]}")
        for target, name in SECTION_INCLUDE.findall((DOCS / source).read_text(encoding="utf-8")):
            checked += 1
            section = section_of((ROOT / target).read_text(encoding="utf-8"), name)
            if section.strip("\n") not in text:
                problems.append(f"{markdown.relative_to(site_dir)} lacks {target}:{name}")
    assert checked, "no page quotes a section: this check has nothing to check"
    assert not problems, "\n".join(problems)


def test_a_section_is_the_lines_between_its_markers_as_shown() -> None:
    program = "a = 1\n# --8<-- [start:two]\nb = 2\n# --8<-- [start:in]\nc = 3\n# --8<-- [end:in]\n# --8<-- [end:two]\n"
    assert section_of(program, "two") == "b = 2\nc = 3\n"
    assert section_of(program, "in") == "c = 3\n"
    assert as_shown(program) == "a = 1\nb = 2\nc = 3\n"


def test_llms_txt_names_the_installed_sdk(site_dir: Path) -> None:
    """Its description names the SDK the examples ran with, from the data files, not typed."""
    text = (site_dir / "llms.txt").read_text(encoding="utf-8")
    assert f"`anthropic` Python SDK {version('anthropic')}," in text
