"""Show a notebook's code cells on a page, read from the ``.ipynb`` file the suite executes.

A page writes ``<!-- notebook-cell snippets/<folder>/<name>.ipynb <cell id> -->`` on a line of
its own (indented as the surrounding tab is); the build replaces it with that cell's source
in a Python code block, so the code shown is the code the test suite ran on a real kernel, as
``--8<--`` does for ``.py`` files. An unknown notebook or cell id stops the build. Paths are
relative to the folder the build runs in (the project root), as ``pymdownx.snippets``' are.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .markers import check_markers

MARKER = re.compile(
    r"^(?P<indent>[ \t]*)<!-- notebook-cell (?P<path>\S+\.ipynb) (?P<cell>[\w-]+) -->[ \t]*$",
    re.MULTILINE,
)


def cell_source(root: Path, path: str, cell_id: str) -> str:
    notebook = json.loads((root / path).read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell.get("id") == cell_id and cell["cell_type"] == "code":
            source = cell["source"]
            return "".join(source) if isinstance(source, list) else source
    raise ValueError(f"{path} has no code cell with id {cell_id!r}")


def render(markdown: str, root: Path) -> str:
    def block(match: re.Match[str]) -> str:
        indent = match["indent"]
        source = cell_source(root, match["path"], match["cell"])
        lines = [f'```python title="{Path(match["path"]).name}, cell {match["cell"]}"']
        lines += source.rstrip("\n").splitlines()
        lines.append("```")
        return "\n".join(f"{indent}{line}" if line else "" for line in lines)

    return MARKER.sub(block, markdown)


class _Cells(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "<!-- notebook-cell " not in text:
            return lines
        return render(text, Path.cwd()).split("\n")


class NotebookCellsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before fences are read (25) and raw HTML (the marker) is set aside (20).
        md.preprocessors.register(_Cells(md), "notebook_cells", 34)
        check_markers(md)


def makeExtension(**kwargs: Any) -> NotebookCellsExtension:  # noqa: N802
    return NotebookCellsExtension(**kwargs)
