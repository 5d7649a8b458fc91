"""After ``mkdocs build`` (and each rebuild of ``mkdocs serve``), write ``llms.txt``,
``llms-full.txt`` and each page's Markdown into the site: ``siteparts/llms.py`` makes them from
the sources, and ``make build-zensical`` runs the same module after ``zensical build``, which
runs no MkDocs hook. This file only connects it to MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from siteparts import llms


def on_post_build(config: MkDocsConfig) -> None:
    llms.write(Path(config.site_dir), Path(config.config_file_path))
