"""A snippet as a reader sees and copies it: the file without its section-marker lines.

A program may mark the lines another page quotes (``# --8<-- [start:retry]`` ...
``# --8<-- [end:retry]``, pymdownx.snippets' sections). The build leaves those lines out when it
includes the whole file, so the page, its copy button and its Markdown hold the file without
them; the suite runs the file with them (they are comments).
"""

from __future__ import annotations

import re
from pathlib import Path

SECTION_MARKER = re.compile(
    r"^.*--8<--\s*\[\s*(?:start|end)\s*:\s*[a-z][-_0-9a-z]*\s*\].*\n?", re.M
)


def as_shown(text: str) -> str:
    """``text`` (a snippet file's contents) without its section-marker lines."""
    return SECTION_MARKER.sub("", text)


def shown_file(path: Path) -> str:
    """The file at ``path`` as the page shows it."""
    return as_shown(path.read_text(encoding="utf-8"))
