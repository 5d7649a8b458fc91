"""A page's Markdown for assistants (``siteparts/llms.py``) reads as plain Markdown.

Content tabs and notes become a bold label over their text, a program's own lines are never
taken for a tab, links to other pages become addresses on the site, and a chart's drawing is
left out (its figures are in the table beside it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from siteparts.llms import (
    DRAWING,
    _expander,
    absolute_links,
    expand,
    load_config,
    single_blank_lines,
    unlabel,
)
from tests.support.navigation import site_config
from tests.support.paths import ROOT


def test_tabs_and_notes_become_labels_over_their_text() -> None:
    page = [
        '=== "Code"',
        "",
        "    ```text",
        '    === "not a tab"',
        "    ```",
        "",
        '!!! warning "Mind the gap"',
        "    Text of the note.",
        "",
        "After.",
    ]
    assert single_blank_lines(unlabel(page)) == [
        "**Code**",
        "",
        "```text",
        '=== "not a tab"',
        "```",
        "",
        "**Mind the gap**",
        "",
        "Text of the note.",
        "",
        "After.",
    ]


def test_links_to_pages_become_addresses_on_the_site() -> None:
    text = "See [errors](../reference/errors.md#mid-stream) and [below](#here)."
    assert absolute_links(text, "guides/tool-use.md", "http://x/") == (
        "See [errors](http://x/reference/errors/#mid-stream) and [below](#here)."
    )


def test_a_chart_is_left_out_with_its_figure() -> None:
    html = '<figure class="perf-figure"><svg viewBox="0 0 1 1"><text>1</text></svg>'
    html += "<figcaption>c</figcaption></figure>"
    assert DRAWING.sub("", f"before\n{html}\nafter") == "before\n\nafter"


def test_a_fences_highlight_texts_are_left_out() -> None:
    md = _expander(load_config(ROOT / "mkdocs.yml"))
    page = '```python title="a.py" hl_text="break" hl_text="x = 1"\nx = 1\nbreak\n```\n'
    assert expand(md, "index.md", {}, page).split("\n")[0] == '```python title="a.py"'


def test_env_tags_in_the_config_read_as_mkdocs_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n'
        "a: !ENV [UNSET_ONE, UNSET_TWO]\n"
        "b: !ENV UNSET_ONE\n"
    )
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("UNSET_ONE", raising=False)
    monkeypatch.delenv("UNSET_TWO", raising=False)
    assert load_config(config) == {
        "site_url": "http://127.0.0.1:8000/",
        "a": "UNSET_TWO",
        "b": None,
    }
    monkeypatch.setenv("SITE_URL", "https://streaming.example.org/")
    monkeypatch.setenv("UNSET_ONE", "one")
    assert load_config(config) == {
        "site_url": "https://streaming.example.org/",
        "a": "one",
        "b": "one",
    }


def test_the_site_url_is_the_one_mkdocs_builds_with() -> None:
    assert load_config(ROOT / "mkdocs.yml")["site_url"] == site_config().site_url
