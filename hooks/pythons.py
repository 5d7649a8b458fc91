"""Render the Pythons the examples were run on, from ``docs/data/pythons.json``.

The suite writes that file from the environments it runs every example in (``make
update-goldens``) and fails when it no longer matches them, so the table below the
``<!-- tested-pythons -->`` marker is never typed by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
        "\n\nOn each of these, the test suite runs every Python example of this site in an "
        "environment holding only the packages in its column: what `pip install` gives a reader "
        "on that Python."
    )
    untested = data.get("declared_by_the_sdk_not_tested") or []
    if untested:
        listed = ", ".join(untested)
        note += (
            f" The SDK also declares support for Python {listed}, which is not on the machine "
            "that runs the tests: no example here was run on it."
        )
    return "\n".join(lines) + note


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if MARKER not in markdown:
        return markdown
    data = json.loads((Path(config["docs_dir"]) / DATA_FILE).read_text(encoding="utf-8"))
    return markdown.replace(MARKER, table(data))
