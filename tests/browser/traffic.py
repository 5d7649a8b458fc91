"""A record of everything the pages of one browser context ask for, and what went wrong.

Requests to any origin but the site's own are aborted here and listed, so a page that tries to
load a font, script or beacon from elsewhere fails its test without reaching the network.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, Route

LOCAL_SCHEMES = frozenset({"data", "blob", "about"})
ABORTED = "net::ERR_ABORTED"


@dataclass
class Traffic:
    """Every request a context made, and what went wrong with any of them."""

    origin: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    finished: list[Request] = field(default_factory=list)
    in_flight: set[Request] = field(default_factory=set)

    def clear(self) -> None:
        """Forget everything recorded so far: the next page's record starts empty, and a request
        still under way now (the page before, aborted as the next one opens) is left out of it."""
        for record in (self.requests, self.foreign, self.failed, self.console_errors):
            record.clear()
        self.finished.clear()
        self.in_flight.clear()

    def is_own(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in LOCAL_SCHEMES or f"{parts.scheme}://{parts.netloc}" == self.origin

    @property
    def bytes_by_url(self) -> dict[str, int]:
        """Bytes of response headers and body per URL, as they came over the wire."""
        sizes: dict[str, int] = {}
        for request in self.finished:
            if urlsplit(request.url).scheme in LOCAL_SCHEMES:
                continue
            size = request.sizes()
            sizes[request.url] = (
                sizes.get(request.url, 0) + size["responseHeadersSize"] + size["responseBodySize"]
            )
        return sizes

    def wait_until_finished(self, page: Page, path: str, timeout: float = 15.0) -> None:
        """Wait until a request for ``path`` has finished (the search index is asked for after
        the page's load), and no request is still under way. Requests are counted as they start
        and end, so this waits only as long as the page takes, not a fixed quiet time."""
        url = f"{self.origin}{path}"
        deadline = time.monotonic() + timeout
        while self.in_flight or not any(r.url == url for r in self.finished):
            assert time.monotonic() < deadline, (
                f"{path} was not loaded within {timeout} s, or requests never ended: "
                + ", ".join(r.url for r in self.in_flight)
            )
            page.wait_for_timeout(20)

    def problems(self) -> list[str]:
        return (
            [f"request to another host: {u}" for u in self.foreign]
            + [f"failed request: {f}" for f in self.failed if not self._made_again(f)]
            + [f"console error: {c}" for c in self.console_errors]
        )

    def _made_again(self, failure: str) -> bool:
        """Whether ``failure`` is a request the page itself cancelled (ERR_ABORTED) and then
        made again, successfully: Zensical's search restarts its worker when its index arrives,
        which cancels the worker script's first request if it is still loading."""
        url, _, reason = failure.partition(" (")
        return reason.startswith(ABORTED) and any(
            r.url == url and r.failure is None for r in self.finished
        )

    def watch(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        context.on("request", self._on_request)
        context.on("requestfailed", self._on_failed)
        context.on("requestfinished", self._on_finished)
        context.on("response", self._on_response)
        context.on("console", self._on_console)
        context.on("weberror", lambda err: self.console_errors.append(f"uncaught: {err.error}"))

    def _route(self, route: Route) -> None:
        if self.is_own(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        self.in_flight.add(request)
        if not self.is_own(request.url):
            self.foreign.append(request.url)

    def _on_failed(self, request: Request) -> None:
        if request not in self.in_flight:
            return  # asked for by a page left before the record was cleared: not this page's
        self.in_flight.discard(request)
        if self.is_own(request.url):
            self.failed.append(f"{request.url} ({request.failure})")

    def _on_response(self, response: Response) -> None:
        if response.request in self.in_flight and response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def _on_finished(self, request: Request) -> None:
        if request in self.in_flight:
            self.in_flight.discard(request)
            self.finished.append(request)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} at {message.location.get('url')}")
