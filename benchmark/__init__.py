"""The benchmark behind the Performance page: ``python -m benchmark`` (``make benchmark``).

It measures, in one run, what streaming costs and buys against the local stand-in paced like
a model, and writes every figure to ``docs/data/performance.json``; the page is rendered from
that file at build time (``siteparts/performance.py``), so no number on the site is typed by hand.
It is not part of the test suite: its figures depend on the machine and on what else runs.
"""
