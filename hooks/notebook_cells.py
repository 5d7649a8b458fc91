"""Show a notebook's code cells on a page, read from the ``.ipynb`` file the suite executes.

A page writes ``<!-- notebook-cell snippets/<folder>/<name>.ipynb <cell id> -->`` on a line of
its own (indented as the surrounding tab is); the build replaces it with that cell's source
in a Python code block, so the code shown is the code the test suite ran on a real kernel, as
``--8<--`` does for ``.py`` files. An unknown notebook or cell id stops the build.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

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


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if "<!-- notebook-cell " not in markdown:
        return markdown
    return render(markdown, Path(config["config_file_path"]).parent)
