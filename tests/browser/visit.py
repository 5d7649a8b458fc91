"""One page loaded once in a fresh browser context, and the checks that share that load.

Loading a page costs far more than looking at it, so each page is opened once and every
per-page check runs on that one load, in an order that keeps each check's view the one it was
written for: what is measured about the first load (its requests, its bytes) is read before
anything is clicked, and checks that change the page (switching the scheme, picking tabs,
opening notes) come after those that read it as shown.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from tests.browser.pages import diagram_count
from tests.browser.traffic import Traffic

# The search index loads after the page: the first load is over when it has.
SEARCH_INDEX = "/search/search_index.json"
# An index with no documents: what a page is given in place of the site's when its visit does
# not search. The theme still asks for it and hands it to its search worker as usual, but the
# worker has nothing to index, where indexing the site's (over a megabyte) cost every page visit
# CPU for nothing it checks. Searching, and the index's size, are tested on their own
# (``test_search.py``).
EMPTY_SEARCH_INDEX = json.dumps(
    {
        "config": {
            "lang": ["en"],
            "separator": r"[\s\-]+",
            "pipeline": ["stopWordFilter"],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
        },
        "docs": [],
    }
)
# A phone's window (an iPhone's, in CSS pixels), for the checks that look at the page on one.
PHONE = {"width": 390, "height": 844}
TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def without_search_index(page: Page, path: str = SEARCH_INDEX) -> None:
    """Give ``page`` an empty search index in place of the site's (see ``EMPTY_SEARCH_INDEX``)."""
    page.route(
        f"**{path}",
        lambda route: route.fulfill(body=EMPTY_SEARCH_INDEX, content_type="application/json"),
    )


@dataclass(frozen=True)
class FirstLoad:
    """What the page asked for from opening until the network went quiet."""

    requests: list[str]
    problems: list[str]
    bytes_by_url: dict[str, int]


@dataclass
class Visit:
    """A page opened once; checks read it, and those that must, act on it."""

    path: str
    page: Page
    traffic: Traffic
    site_dir: Path
    search_index: str = SEARCH_INDEX  # Zensical's is /search.json
    figures: dict[str, int] = field(default_factory=dict)  # measured by checks, for the report
    # What one check measured that another reads too, so the page is measured once (e.g. the
    # phone checks' one narrowing of the window, ``checks/phone.py``).
    measured: dict[str, Any] = field(default_factory=dict)
    _first_load: FirstLoad | None = field(default=None, init=False, repr=False)

    @property
    def origin(self) -> str:
        return self.traffic.origin

    def url(self, path: str) -> str:
        return f"{self.origin}{path}"

    @contextlib.contextmanager
    def on_a_phone(self) -> Iterator[None]:
        """The window narrowed to a phone's width, then put back as it was, even when the check
        fails: the checks after it on this one load see the page at the width they expect, once
        the page has answered the resize (two frames: its resize handlers run before the first),
        so a button they find is where they then press it."""
        before = self.page.viewport_size
        self.page.set_viewport_size(PHONE)
        try:
            yield
        finally:
            if before is not None:
                self.page.set_viewport_size(before)
                self.page.evaluate(TWO_FRAMES)

    @functools.cached_property
    def diagrams(self) -> int:
        """How many diagrams the built page holds."""
        return diagram_count(self.site_dir, self.path)

    def first_load(self) -> FirstLoad:
        """The first load's record, taken (on the first call) once the search index has loaded
        and no request is under way, so late requests are in it. A load
        that never gets there is recorded once, as a problem, not waited for by every check."""
        if self._first_load is None:
            unfinished = []
            try:
                self.traffic.wait_until_finished(self.page, self.search_index)
            except (AssertionError, PlaywrightError) as failure:
                unfinished.append(f"the first load did not finish: {failure}")
            self._first_load = FirstLoad(
                requests=list(self.traffic.requests),
                problems=unfinished + self.traffic.problems(),
                bytes_by_url=self.traffic.bytes_by_url,
            )
        return self._first_load


Check = Callable[[Visit], None]


def run_checks(visit: Visit, checks: Sequence[tuple[str, Check]]) -> list[str]:
    """Run every check in order on the one load; return each failure, named by page and check.

    A failed check does not stop the next ones, so one run reports all that is wrong with a
    page. Anything other than a failed assertion or a browser error is a bug in a check, and
    stops the test.
    """
    failures = []
    for name, check in checks:
        try:
            check(visit)
        except (AssertionError, PlaywrightError) as failure:
            failures.append(f"{visit.path} [{name}]: {failure}")
    return failures
