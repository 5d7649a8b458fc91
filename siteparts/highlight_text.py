"""Highlight a program's lines by what they say, not by their numbers.

A fence names the lines a section is about with ``hl_text="..."`` (as often as needed):
````
```python title="retry.py" hl_text="except anthropic.APIStatusError" hl_text="stop_reason"
--8<-- "snippets/errors-and-retries/retry.py"
```
````
After ``pymdownx.snippets`` has put the file in, every line of the fence that contains one of
the texts is highlighted (the attribute becomes ``hl_lines``). Line numbers would go stale the
day a docstring or an import changes; a text that no line holds stops the build instead.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<header>.*\bhl_text=.*)$")
TEXT = re.compile(r'\s*\bhl_text="(?P<text>[^"]+)"')


class HighlightTextError(ValueError):
    """A fence asks to highlight a text that none of its lines holds."""


def _closing(lines: list[str], start: int, indent: str, fence: str) -> int:
    for number in range(start, len(lines)):
        line = lines[number]
        if line.startswith(indent) and line[len(indent) :].rstrip() == fence:
            return number
    raise HighlightTextError(f"the fence opened by {lines[start - 1].strip()!r} is never closed")


def _numbers(texts: list[str], body: list[str], header: str) -> list[int]:
    numbers: set[int] = set()
    for text in texts:
        found = [index + 1 for index, line in enumerate(body) if text in line]
        if not found:
            raise HighlightTextError(f"no line of the fence {header.strip()!r} contains {text!r}")
        numbers.update(found)
    return sorted(numbers)


def render(lines: list[str]) -> list[str]:
    """The page's lines with every ``hl_text`` turned into the ``hl_lines`` it means."""
    out = list(lines)
    number = 0
    while number < len(out):
        opening = OPENING.match(out[number])
        if not opening:
            number += 1
            continue
        header = opening["header"]
        end = _closing(out, number + 1, opening["indent"], opening["fence"])
        texts = [match["text"] for match in TEXT.finditer(header)]
        highlighted = _numbers(texts, out[number + 1 : end], header)
        header = TEXT.sub("", header) + f' hl_lines="{" ".join(map(str, highlighted))}"'
        out[number] = f"{opening['indent']}{opening['fence']}{header}"
        number = end + 1
    return out


class _HighlightText(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("hl_text=" in line for line in lines):
            return lines
        return render(lines)


class HighlightTextExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After pymdownx.snippets has put the files in (32), before fences are read (25).
        md.preprocessors.register(_HighlightText(md), "highlight_text", 30)


def makeExtension(**kwargs: object) -> HighlightTextExtension:  # noqa: N802 (Markdown's name)
    return HighlightTextExtension(**kwargs)
