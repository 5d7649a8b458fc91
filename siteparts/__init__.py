"""The parts of the site that are generated, in a form every builder of ``mkdocs.yml`` runs.

Each module is a Python-Markdown extension listed under ``markdown_extensions:``, as
``pymdownx.snippets`` is: MkDocs (with Material) and Zensical both run the extensions of a
page's Markdown, while only MkDocs runs MkDocs hooks and plugins. So the performance tables,
the Pythons table, the error index, the notebook cells, the diagrams and the freshness line
come out the same from either builder. ``llms`` writes ``llms.txt``, ``llms-full.txt`` and
each page's Markdown after a build, from the sources, for the same reason.
"""
