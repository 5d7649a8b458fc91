"""A generated part's marker renders its part, and a marker no part fills stops the build.

Both builders run the same extensions (``siteparts/``); converting with Python-Markdown alone,
naming the page as ``siteparts.llms`` does, tries the rule without building the site.
"""

from __future__ import annotations

import markdown
import pytest

from siteparts.error_messages import ErrorMessagesExtension
from siteparts.markers import UnknownMarkerError
from siteparts.notebook_cells import NotebookCellsExtension
from siteparts.page import PageInfo
from siteparts.pythons import MARKER, PythonsExtension
from tests.support.paths import DOCS


def _convert(text: str) -> str:
    md = markdown.Markdown(
        extensions=[
            PythonsExtension(docs_dir=str(DOCS)),
            ErrorMessagesExtension(docs_dir=str(DOCS)),
            NotebookCellsExtension(),
            "tables",
        ]
    )
    md.page_info = PageInfo("reference/versions.md", {})  # type: ignore[attr-defined]
    return md.convert(text)


def test_a_known_marker_renders_its_part() -> None:
    html = _convert(f"Before.\n\n{MARKER}\n\nAfter.")
    assert "<table>" in html and "Python 3.10" in html
    assert "tested-pythons" not in html


@pytest.mark.parametrize("line", ["<!-- tested-python -->", "  <!-- error-message x -->"])
def test_a_marker_no_part_fills_stops_the_build_by_name(line: str) -> None:
    with pytest.raises(UnknownMarkerError, match=r"reference/versions\.md:3: .*no extension"):
        _convert(f"Before.\n\n{line}\n\nAfter.")


@pytest.mark.parametrize("line", ["<!-- TODO -->", "<!-- note: see below -->"])
def test_an_ordinary_comment_is_no_marker(line: str) -> None:
    assert "After." in _convert(f"Before.\n\n{line}\n\nAfter.")
