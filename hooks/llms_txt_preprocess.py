"""Keep what a reader of ``llms-full.txt`` needs from each page's HTML before it becomes Markdown.

The plugin's own clean-up drops the content tabs' labels, so "Python", "Async Python", "curl",
"Code" and "Output" would vanish and a program would run straight into its output. This
writes each label as a bold line at the top of its tab, and each code block's file name as a
line of its own, then runs the plugin's usual clean-up.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from mkdocs_llmstxt._internal.preprocess import autoclean


def preprocess(soup: BeautifulSoup, output: str) -> None:
    for tabs in soup.select("div.tabbed-set"):
        labels = [
            label.get_text(strip=True) for label in tabs.select(":scope > .tabbed-labels > label")
        ]
        blocks = tabs.select(":scope > .tabbed-content > .tabbed-block")
        for label, block in zip(labels, blocks, strict=False):
            heading = soup.new_tag("p")
            strong = soup.new_tag("strong")
            strong.string = label
            heading.append(strong)
            block.insert(0, heading)
    for name in soup.select("div.highlight > span.filename"):
        line = soup.new_tag("p")
        line.string = f"File {name.get_text(strip=True)}:"
        name.replace_with(line)
    for tag in soup.find_all(_is_code_line_anchor):
        tag.decompose()
    autoclean(soup)


def _is_code_line_anchor(tag: Tag) -> bool:
    return tag.name == "a" and str(tag.get("id", "")).startswith("__codelineno-")
