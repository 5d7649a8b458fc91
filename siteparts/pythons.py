"""Render the Pythons the examples were run on, from ``docs/data/pythons.json``.

The suite writes that file from the environments it runs every example in (``make regen
ONLY=pythons``) and fails when it no longer matches them, so the table below the
``<!-- tested-pythons -->`` marker is never typed by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown

from .markers import MarkerLine, check_markers

MARKER = "<!-- tested-pythons -->"
DATA_FILE = Path("data") / "pythons.json"  # inside docs_dir


def table(data: dict[str, Any]) -> str:
    """One column per Python and one row per package, so the table stays narrow (no sideways
    scrolling) however many packages the environments hold; "-" where one is not installed."""
    names = sorted({name for p in data["pythons"] for name in p["packages"]}, key=str.lower)
    header = ["Package", *(f"Python {p['version']}" for p in data["pythons"])]
    rows = [["Python", *(p["python"] for p in data["pythons"])]]
    rows += [[f"`{n}`", *(p["packages"].get(n, "-") for p in data["pythons"])] for n in names]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    note = (
        "\n\nEvery Python example of this site was run on each of these, in an environment "
        "holding only the packages in its column: what `pip install` gives a reader on that "
        "Python."
    )
    untested = data.get("declared_by_the_sdk_not_tested") or []
    if untested:
        listed = ", ".join(untested)
        note += (
            f" The SDK also declares support for Python {listed}: no example here was run on it."
        )
    return "\n".join(lines) + note


class PythonsExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"docs_dir": ["docs", "the pages' folder, which holds data/"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before raw HTML (the marker is an HTML comment) is set aside (20).
        path = Path(self.getConfig("docs_dir")) / DATA_FILE

        def render() -> str:
            return table(json.loads(path.read_text(encoding="utf-8")))

        md.preprocessors.register(MarkerLine(md, MARKER, render), "tested_pythons", 34)
        check_markers(md)


def makeExtension(**kwargs: Any) -> PythonsExtension:  # noqa: N802
    return PythonsExtension(**kwargs)
