"""List every error message the examples print, each linked to the section that fixes it.

Readers search with the exception text. The list below the ``<!-- error-messages -->``
marker is read at build time from the golden output files (``snippets/**/*.out.txt``, found by
glob), so no message on it is typed: a message an example prints is listed as soon as its
golden file holds it. Which section explains each message is kept in
``docs/data/error-fixes.yml``. An entry whose link names no heading stops the build; a message
no entry matches is listed with no section (the build goes on, so other pages can still be
built and checked) and fails ``tests/site/test_error_messages.py``.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from markdown import Extension, Markdown
from markdown.extensions.toc import slugify

from siteparts.markers import MarkerLine, check_markers
from siteparts.page import current_page

MARKER = "<!-- error-messages -->"
FIXES_FILE = Path("data") / "error-fixes.yml"  # inside docs_dir
GOLDEN_GLOB = "snippets/**/*.out.txt"  # relative to the project root

# An exception as Python prints it: an optional module path, a class name ending in Error,
# Exception or Warning, a colon and the message (``httpx2.RemoteProtocolError: peer closed...``).
EXCEPTION = re.compile(
    r"(?<![\w.])((?:[a-z_][a-z0-9_]*\.)*[A-Z][A-Za-z0-9]*(?:Error|Exception|Warning)): (\S.*)$"
)
# An API error as the examples print it: its type, a colon and the API's message
# (``authentication_error: invalid x-api-key``).
API_ERROR = re.compile(r"(?<![\w'\"])((?:[a-z]+_)+error|request_too_large): (\S.*)$")
INCLUDE = re.compile(r'--8<--\s+"(snippets/[^":]+)(?::[^"]*)?"')
# A heading, also indented: a troubleshooting entry's heading is inside its collapsed block.
HEADING = re.compile(r"^[ \t]*(#{1,6})\s+(.+?)\s*(?:\{\s*#([\w-]+)\s*\})?\s*$")


class Printed(NamedTuple):
    """One error message, and the golden files (``snippets/...``) of the runs that printed it."""

    message: str
    goldens: tuple[str, ...]


class Fix(NamedTuple):
    pattern: re.Pattern[str]
    section: str  # ``page.md#anchor``, relative to docs/


def message_in(line: str) -> str | None:
    """The error message a printed line holds, or None: an exception first, else an API error."""
    found = EXCEPTION.search(line) or API_ERROR.search(line)
    if found is None:
        return None
    text = found.group(0).rstrip()
    if line.lstrip().startswith("[") and text.endswith("]"):
        text = text[:-1]  # the example wrapped its note in brackets
    return text


def printed_messages(root: Path) -> list[Printed]:
    """Every distinct error message in the golden files under ``root``, sorted."""
    seen: dict[str, list[str]] = {}
    for golden in sorted(root.glob(GOLDEN_GLOB)):
        where = golden.relative_to(root).as_posix()
        for line in golden.read_text(encoding="utf-8").splitlines():
            message = message_in(line)
            if message is not None and where not in seen.setdefault(message, []):
                seen[message].append(where)
    return [Printed(m, tuple(g)) for m, g in sorted(seen.items(), key=lambda i: i[0].lower())]


def load_fixes(docs: Path) -> tuple[list[Fix], list[re.Pattern[str]]]:
    """The fix entries, in file order, and the patterns of lines that are not messages."""
    data = yaml.safe_load((docs / FIXES_FILE).read_text(encoding="utf-8"))
    fixes = [Fix(re.compile(e["pattern"]), e["section"]) for e in data["fixes"]]
    ignored = [re.compile(e["pattern"]) for e in data.get("not_messages", [])]
    return fixes, ignored


def fix_for(message: str, fixes: list[Fix]) -> Fix | None:
    return next((f for f in fixes if f.pattern.search(message)), None)


def headings(page: Path) -> dict[str, str]:
    """The anchors of a page's headings, as the toc extension makes them, to their text."""
    found: dict[str, str] = {}
    fenced = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if match:
            text = match.group(2)
            plain = re.sub(r"[`*]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text))
            found[match.group(3) or slugify(plain, "-")] = plain
    return found


def section_title(docs: Path, section: str) -> str:
    """The heading text a ``page.md#anchor`` link points at; ValueError when there is none."""
    page, _, anchor = section.partition("#")
    path = docs / page
    if not path.is_file():
        raise ValueError(f"{FIXES_FILE}: {section!r} links to a page that does not exist")
    found = headings(path)
    if anchor not in found:
        raise ValueError(f"{FIXES_FILE}: {section!r} links to no heading of {page}")
    return found[anchor]


def pages_showing(docs: Path) -> dict[str, str]:
    """Golden file (``snippets/...``) -> the first page (docs-relative) that includes it."""
    shown: dict[str, str] = {}
    for page in sorted(docs.rglob("*.md")):
        for target in INCLUDE.findall(page.read_text(encoding="utf-8")):
            shown.setdefault(target, page.relative_to(docs).as_posix())
    return shown


def unexplained(docs: Path, root: Path) -> list[Printed]:
    """Printed messages that neither an entry explains nor a not-a-message pattern excuses."""
    fixes, ignored = load_fixes(docs)
    return [
        p
        for p in printed_messages(root)
        if fix_for(p.message, fixes) is None and not any(i.search(p.message) for i in ignored)
    ]


def _code(text: str) -> str:
    """``text`` as inline code."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _program(root: Path, golden: str) -> str:
    """The example file that printed a golden file: ``<stem>.<scenario>.out.txt`` -> ``<stem>.py``
    (or ``.sh``, ``.ipynb``), by the name it has beside the golden."""
    folder, name = posixpath.split(golden)
    stem = name.split(".", 1)[0]
    for suffix in (".py", ".sh", ".ipynb"):
        if (root / folder / f"{stem}{suffix}").is_file():
            return f"{stem}{suffix}"
    return name


def _link(here: str, target: str) -> str:
    page, _, anchor = target.partition("#")
    relative = posixpath.relpath(page, posixpath.dirname(here) or ".")
    return f"{relative}#{anchor}" if anchor else relative


def listing(docs: Path, root: Path, here: str) -> str:
    """One list item a message: the message as code, wrapped like running text (a message is
    up to a few hundred characters, too long for a table cell, where code names do not wrap),
    and below it the section that fixes it and the programs that printed it."""
    fixes, ignored = load_fixes(docs)
    shown = pages_showing(docs)
    items: list[str] = []
    for printed in printed_messages(root):
        fix = fix_for(printed.message, fixes)
        if fix is None and any(i.search(printed.message) for i in ignored):
            continue  # not an error message (see not_messages)
        by: list[str] = []
        for golden in printed.goldens:
            name = _program(root, golden)
            page = shown.get(golden)
            entry = f"[`{name}`]({_link(here, page)})" if page else f"`{name}`"
            if entry not in by:
                by.append(entry)
        explained = "not yet explained"  # no entry: the test suite fails until there is one
        if fix is not None:
            explained = f"[{section_title(docs, fix.section)}]({_link(here, fix.section)})"
        items.append(
            f"- {_code(printed.message)}  \n"  # two spaces: a line break
            f"  Fix: {explained}; printed by {', '.join(by)}."
        )
    return "\n".join(items)


class ErrorMessagesExtension(Extension):
    """Paths are relative to the folder the build runs in, as ``pymdownx.snippets``' are."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"docs_dir": ["docs", "the pages' folder, which holds data/"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before raw HTML (the marker is an HTML comment) is set aside (20).
        docs = Path(self.getConfig("docs_dir"))

        def render() -> str:
            return listing(docs, Path.cwd(), current_page(md).source)

        md.preprocessors.register(MarkerLine(md, MARKER, render), "error_messages", 34)
        check_markers(md)


def makeExtension(**kwargs: Any) -> ErrorMessagesExtension:  # noqa: N802
    return ErrorMessagesExtension(**kwargs)
