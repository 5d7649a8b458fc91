"""Write ``llms.txt``, ``llms-full.txt`` and each page's Markdown into a built site.

Coding assistants read ``llms.txt`` to find the pages and ``llms-full.txt`` to read them all;
the "Copy as Markdown" button copies ``<page>/index.md``. All three are made here from the
sources, not from a builder's HTML, so MkDocs and Zensical publish the same files: a page's
Markdown is its source with every ``--8<--`` include, notebook cell and generated table put in
(the same extensions the pages run), content tabs and notes turned into a bold label over their
text, and links to other pages made absolute. ``llms.txt`` lists every page of the nav, in nav
order, under its nav section, with the page's ``description:``; a page added to the nav is
listed with no further edit.

MkDocs runs this after its build (``hooks/llms_txt.py``); after ``zensical build``, run
``python -m siteparts.llms`` (``make build-zensical`` does). It reads ``mkdocs.yml``.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markdown import Markdown

from siteparts import freshness
from siteparts.page import PageInfo

LEADING_PAGES = "Start here"
TRAILING_PAGES = "More"
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# A content tab (``=== "Code"``) or a note (``!!! warning "Title"``, ``??? note``) and the
# indented block under it.
LABELLED = re.compile(
    r"^(?P<indent>[ \t]*)(?:===\+?|!!!|\?\?\?\+?)[ \t]*(?P<kind>[\w-]+)?(?:[ \t]+[\w -]+?)?"
    r'[ \t]*(?:"(?P<title>[^"]*)")?[ \t]*$'
)
# Drawn for the eye only: a chart's SVG (its figures are in the table beside it) and the
# wrappers that let Markdown sit inside HTML (``<div ... markdown>``, ``</div>``).
DRAWING = re.compile(r"<figure\b[^>]*><svg\b.*?</figure>|<svg\b.*?</svg>", re.DOTALL)
WRAPPER = re.compile(r"^[ \t]*(?:<div\b[^>\n]*\bmarkdown\b[^>\n]*>|</div>)[ \t]*\n", re.MULTILINE)
FENCE = re.compile(r"^[ \t]*(```|~~~)")
HL_TEXT = re.compile(r'[ \t]+hl_text="[^"]*"')
LINK = re.compile(r"\]\((?P<target>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?\)")
# The extensions that put text into a page's Markdown, by the names they register.
MARKDOWN_STEPS = ("perf", "tested_pythons", "error_messages", "notebook_cells", "snippet")


@dataclass(frozen=True)
class Entry:
    """A page of the nav: its source, its nav title and its ``description:``."""

    source: str
    title: str
    description: str


class _Loader(yaml.SafeLoader):
    """``mkdocs.yml`` as data: a ``!!python/name:`` tag (a fence formatter) is kept as text."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda _l, _s, node: node.value)


def _environment(loader: _Loader, node: yaml.Node) -> Any:
    """``!ENV VAR`` or ``!ENV [VAR, ..., default]`` as MkDocs reads it: the first variable
    set in the environment, else the default (the last item of a list of two or more), else
    None; so ``site_url`` here is the address the build itself used."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[name] for name in names if name in os.environ), default)


_Loader.add_constructor("!ENV", _environment)


def load_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


# -- the nav ----------------------------------------------------------------------------------
def _split(item: Any) -> tuple[str | None, Any]:
    if isinstance(item, dict):
        return next(iter(item.items()))
    return None, item


def nav_pages(nav: list[Any]) -> list[str]:
    """Every page a nav (or part of one) links to, as ``docs/``-relative ``.md`` paths, in
    reading order: sections are walked depth first and links to other sites are left out.

    The test suite walks the nav with this same function, so what it calls "the pages in the
    nav" is what ``llms.txt`` lists.
    """
    pages = []
    for item in nav:
        _, target = _split(item)
        if isinstance(target, list):
            pages.extend(nav_pages(target))
        elif isinstance(target, str) and target.endswith(".md") and "://" not in target:
            pages.append(target)
    return pages


def _titled(items: list[Any]) -> list[tuple[str, str]]:
    """(source, nav title) of every page in ``items``, in reading order."""
    found = []
    for item in items:
        title, target = _split(item)
        if isinstance(target, list):
            found.extend(_titled(target))
        elif target in nav_pages([item]):
            found.append((target, title or target))
    return found


def sections_from_nav(nav: list[Any], docs: Path) -> dict[str, list[Entry]]:
    """Each nav section becomes an ``llms.txt`` section; pages outside any section are grouped
    under "Start here" (before the first section) or "More" (after it)."""
    sections: dict[str, list[Entry]] = {}
    loose = LEADING_PAGES
    for item in nav:
        title, target = _split(item)
        name = (title or "Pages") if isinstance(target, list) else loose
        items = target if isinstance(target, list) else [item]
        for source, page_title in _titled(items):
            meta, _ = split_front_matter((docs / source).read_text(encoding="utf-8"))
            description = " ".join(str(meta.get("description", "")).split())
            sections.setdefault(name, []).append(Entry(source, page_title, description))
        if isinstance(target, list):
            loose = TRAILING_PAGES
    return sections


# -- one page ---------------------------------------------------------------------------------
def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    found = FRONT_MATTER.match(text)
    if not found:
        return {}, text
    return yaml.safe_load(found.group(1)) or {}, text[found.end() :]


def page_url(source: str) -> str:
    """``guides/tool-use.md`` -> ``guides/tool-use/``; ``index.md`` -> ``""``."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def markdown_path(source: str) -> str:
    """Where a page's Markdown is published: ``concepts.md`` -> ``concepts/index.md``."""
    return f"{page_url(source)}index.md"


def _expander(config: dict[str, Any]) -> Markdown:
    """A Markdown instance with the extensions that add text to a page, configured as the
    site configures them."""
    names, configs = [], {}
    for item in config.get("markdown_extensions", []):
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name == "pymdownx.snippets" or name.startswith("siteparts."):
            names.append(name)
            configs[name] = options or {}
    return Markdown(extensions=names, extension_configs=configs)


def expand(md: Markdown, source: str, meta: dict[str, Any], text: str) -> str:
    """``text`` with every include and generated part put in, as the page's build puts them."""
    md.reset()
    md.page_info = PageInfo(source, meta)  # type: ignore[attr-defined] (read by current_page)
    lines = text.split("\n")
    present = [name for name in MARKDOWN_STEPS if name in md.preprocessors]
    for name in sorted(
        present, key=md.preprocessors.get_index_for_name
    ):  # as the build orders them
        lines = md.preprocessors[name].run(lines)
    return "\n".join(_unhighlighted(line) for line in lines)


def _unhighlighted(line: str) -> str:
    """A fence's opening line without its ``hl_text="..."`` (for the eye only, no Markdown's)."""
    return HL_TEXT.sub("", line) if FENCE.match(line) else line


def unlabel(lines: list[str]) -> list[str]:
    """Content tabs and notes as a bold label over their text, which is no longer indented."""
    out: list[str] = []
    i = 0
    fenced = False  # a program's or an output's own lines are never labels
    while i < len(lines):
        if FENCE.match(lines[i]):
            fenced = not fenced
        found = None if fenced else LABELLED.match(lines[i])
        if not found:
            out.append(lines[i])
            i += 1
            continue
        indent = found["indent"]
        label = found["title"] if found["title"] is not None else (found["kind"] or "").title()
        if label:
            out += [f"{indent}**{label}**", ""]
        block: list[str] = []
        i += 1
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith(indent + "    ")):
            block.append(lines[i][len(indent) + 4 :] if lines[i].strip() else "")
            i += 1
        while block and not block[-1]:
            block.pop()
            i -= 1  # the blank lines after the block stay outside it
        out += [f"{indent}{line}" if line else "" for line in unlabel(block)]
    return out


def absolute_links(text: str, source: str, site_url: str) -> str:
    """Links to other pages (``../guides/x.md#y``) as the address of the page on the site."""

    def swap(found: re.Match[str]) -> str:
        target = found["target"]
        if "://" in target:
            return found.group(0)
        page = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        return f"]({site_url}{page_url(page)}{found['anchor'] or ''})"

    return LINK.sub(swap, text)


def single_blank_lines(lines: list[str]) -> list[str]:
    """At most one blank line in a row, outside code blocks (a program keeps its own)."""
    out: list[str] = []
    fenced = False
    for line in lines:
        if FENCE.match(line):
            fenced = not fenced
        if not fenced and not line.strip() and out and not out[-1].strip():
            continue
        out.append(line)
    return out


def page_markdown(md: Markdown, docs: Path, source: str, site_url: str) -> str:
    meta, text = split_front_matter((docs / source).read_text(encoding="utf-8"))
    text = expand(md, source, meta, text)
    text = WRAPPER.sub("", DRAWING.sub("", text))
    lines = single_blank_lines(unlabel(text.split("\n")))
    text = absolute_links("\n".join(lines), source, site_url)
    return text.strip("\n") + "\n"


# -- the files --------------------------------------------------------------------------------
def write(site_dir: Path, config_file: Path) -> list[Path]:
    """Write every page's Markdown, ``llms.txt`` and ``llms-full.txt`` into ``site_dir``;
    return the files written."""
    config = load_config(config_file)
    root = config_file.parent
    docs = root / config.get("docs_dir", "docs")
    site_url = config.get("site_url") or "/"
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    described = (config.get("extra") or {}).get("llms_txt", {}).get("description", "")
    if described:
        tested = freshness.freshness(
            "", freshness.load(docs, freshness.PYTHONS), freshness.load(docs, freshness.GOLDENS)
        )
        described = described.format(sdk=tested.sdk, api_version=tested.api_version)
    head = [f"# {config['site_name']}", ""]
    if config.get("site_description"):
        head += [f"> {' '.join(config['site_description'].split())}", ""]
    if described:
        head += [" ".join(described.split()), ""]
    index, full = list(head), list(head)
    md = _expander(config)
    written = []
    for section, entries in sections_from_nav(config.get("nav") or [], docs).items():
        index += [f"## {section}", ""]
        full += [f"# {section}", ""]
        for entry in entries:
            text = page_markdown(md, docs, entry.source, site_url)
            path = site_dir / markdown_path(entry.source)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
            line = f"- [{entry.title}]({site_url}{markdown_path(entry.source)})"
            index.append(f"{line}: {entry.description}" if entry.description else line)
            full += [text]
        index.append("")
    for name, lines in (("llms.txt", index), ("llms-full.txt", full)):
        (site_dir / name).write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
        written.append(site_dir / name)
    return written


def main(argv: list[str]) -> int:
    """``python -m siteparts.llms [SITE_DIR]``: after ``zensical build``, from the project root."""
    config_file = Path("mkdocs.yml").resolve()
    site_dir = (
        Path(argv[0])
        if argv
        else config_file.parent / (load_config(config_file).get("site_dir") or "site")
    )
    written = write(site_dir, config_file)
    print(f"siteparts.llms: wrote {len(written)} files into {site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
