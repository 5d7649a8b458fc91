"""The site built by Zensical is the site built by MkDocs: the same pages, page by page.

Material for MkDocs reaches its end of life in May 2027, and Zensical, its successor, builds
the same ``mkdocs.yml`` (``make build-zensical``). Both builds are made once per run
(``site_dir``, ``zensical_site_dir``) and compared here as a reader would: the same pages and
titles, the same headings and anchors, the same code blocks and outputs, the same article text
(so every generated table, figure and line is there), every link in an article leading to a
page and anchor the build wrote, and the same ``llms.txt``, ``llms-full.txt`` and per-page
Markdown. A difference fails unless ``zensical_differences.py`` accepts it, with its reason.
"""

from __future__ import annotations

import functools
import shutil
from collections.abc import Iterator
from pathlib import Path

from tests.site.zensical_differences import ACCEPTED
from tests.support.html_page import PageContent, read_page, resolve
from tests.support.pages import built_file, page_paths_from_site

LLMS_FILES = ("llms.txt", "llms-full.txt")


@functools.cache
def _read(file: Path) -> PageContent:
    """A built file, parsed once: each page is read for the comparison and again as the target
    of other pages' links."""
    return read_page(file)


@functools.cache
def _resolve(path: str, href: str) -> tuple[str, str] | None:
    """``resolve``, worked out once for each link on each page (it is asked four times)."""
    return resolve(path, href)


def _anchors(file: Path) -> set[str]:
    return _read(file).ids


def _broken_links(site: Path, path: str, page: PageContent) -> Iterator[str]:
    """Links in the article that lead to no file of ``site``, or to no anchor on their page."""
    for href in page.links:
        target = _resolve(path, href)
        if target is None:
            continue
        where, anchor = target
        file = site / where.lstrip("/")
        if where.endswith("/"):
            file = file / "index.html"
        if not file.is_file():
            yield f"{href} (no {where})"
        elif anchor and file.suffix == ".html" and anchor not in _anchors(file):
            yield f"{href} (no #{anchor} on {where})"


def _page_differences(mkdocs: Path, zensical: Path, path: str) -> Iterator[str]:
    ours, theirs = _read(built_file(mkdocs, path)), _read(built_file(zensical, path))
    for aspect in ("title", "headings", "code_blocks", "text"):
        if getattr(ours, aspect) != getattr(theirs, aspect):
            yield f"{path} {aspect}"
    if [_resolve(path, h) for h in ours.links] != [_resolve(path, h) for h in theirs.links]:
        yield f"{path} links"
    for name, site, page in (("mkdocs", mkdocs, ours), ("zensical", zensical, theirs)):
        broken = list(_broken_links(site, path, page))
        if broken:
            yield f"{path} broken links ({name}): {', '.join(broken)}"


def differences(mkdocs: Path, zensical: Path) -> list[str]:
    """Every difference between the two built sites, named as ``ACCEPTED`` names them."""
    pages = page_paths_from_site(mkdocs)
    found = []
    if page_paths_from_site(zensical) != pages:
        found.append(f"/ pages: {sorted(set(pages) ^ set(page_paths_from_site(zensical)))}")
    for path in pages:
        if built_file(zensical, path).is_file():
            found.extend(_page_differences(mkdocs, zensical, path))
    markdown = sorted(p.relative_to(mkdocs).as_posix() for p in mkdocs.rglob("*.md"))
    for name in [*LLMS_FILES, *markdown]:
        theirs = zensical / name
        if not theirs.is_file() or theirs.read_bytes() != (mkdocs / name).read_bytes():
            found.append(f"/{name} content")
    return found


def test_zensical_builds_the_same_site(site_dir: Path, zensical_site_dir: Path) -> None:
    found = differences(site_dir, zensical_site_dir)
    unexplained = [d for d in found if d not in ACCEPTED]
    assert not unexplained, "Zensical's build differs:\n" + "\n".join(unexplained)
    gone = [d for d in ACCEPTED if d not in found]
    assert not gone, f"accepted differences that no longer happen (remove them): {gone}"


def test_the_comparison_sees_a_difference(site_dir: Path, tmp_path: Path) -> None:
    """The same site with one page's heading anchor renamed, one word of a program changed and
    one link broken: each is a difference, so the comparison can fail."""
    copy = shutil.copytree(site_dir, tmp_path / "site")
    path = "/guides/tool-use/"
    page = built_file(copy, path)
    html = page.read_text(encoding="utf-8")
    for before, after in (
        ('id="put-the-input-together-then-parse-it-once"', 'id="renamed"'),
        ('<span class="nn">anthropic</span>', '<span class="nn">anthropic2</span>'),
        ('href="../thinking/"', 'href="../no-such-page/"'),
    ):
        assert before in html, f"{path} no longer holds {before}: choose another change"
        html = html.replace(before, after)
    page.write_text(html, encoding="utf-8")
    found = [d.split(" (")[0] for d in _page_differences(site_dir, copy, path)]
    assert found == [
        f"{path} headings",
        f"{path} code_blocks",
        f"{path} text",
        f"{path} links",
        f"{path} broken links",
    ], found
