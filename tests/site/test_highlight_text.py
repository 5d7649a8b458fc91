"""``hl_text`` highlights the lines that hold a text, and a text no line holds stops the build."""

from __future__ import annotations

import pytest

from siteparts.highlight_text import HighlightTextError, render

PAGE = [
    '=== "Output"',
    "",
    '    ```python title="x.py" hl_text="except" hl_text="stop_reason"',
    "    try:",
    "        pass",
    "    except ValueError:",
    "        print(message.stop_reason)",
    "    ```",
    "",
    "```python",
    "except",
    "```",
]


def test_each_text_becomes_the_numbers_of_the_lines_that_hold_it() -> None:
    out = render(PAGE)
    assert out[2] == '    ```python title="x.py" hl_lines="3 4"'
    assert out[3:] == PAGE[3:]  # the fence's body, and a later fence without hl_text, untouched


def test_a_text_no_line_holds_names_itself_and_the_fence() -> None:
    page = ['```python title="y.py" hl_text="finally"', "try:", "    pass", "```"]
    with pytest.raises(HighlightTextError, match=r"y\.py.*'finally'"):
        render(page)


def test_an_unclosed_fence_is_an_error_not_a_hang() -> None:
    with pytest.raises(HighlightTextError, match="never closed"):
        render(['```python hl_text="a"', "a"])
