"""The browser relay page works end to end in a real Chromium, and stops paying when left.

``snippets/browser-relay/app.py`` runs under uvicorn on a random 127.0.0.1 port, calling the
stand-in; its page is opened in headless Chromium and asked a question. The tests check that
the text arrives in the page, that the API key never reaches the browser, that an API error
shows in the page, that a finished stream is not asked for again (EventSource reconnects unless
closed), and that closing the page closes the upstream stream within a second.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, Playwright, Request, expect, sync_playwright

from standin import StandIn
from standin.scenarios.features import STORY
from tests.examples.harness.runner import FAKE_KEY
from tests.support.paths import SNIPPETS

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
APP = SNIPPETS / "browser-relay" / "app.py"
DISCONNECT_WITHIN = 1.0  # seconds from closing the page to the stand-in seeing the close


class ChromiumThread:
    """Chromium driven from a thread of its own.

    Playwright's sync API refuses to start in a thread where another sync Playwright (say, the
    site's browser suite, in the same test worker) already runs its event loop; one thread per
    instance avoids that. ``run(fn)`` calls ``fn(browser)`` in that thread and returns its
    result, or raises its exception.
    """

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="relay-chromium")
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._pool.submit(self._start).result(timeout=60)

    def _start(self) -> None:
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
        )

    def _stop(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()

    def run(self, fn: Callable[[Browser], None]) -> None:
        def call() -> None:
            assert self._browser is not None
            fn(self._browser)

        self._pool.submit(call).result(timeout=90)

    def close(self) -> None:
        self._pool.submit(self._stop).result(timeout=30)
        self._pool.shutdown()


@pytest.fixture(scope="module")
def chromium() -> Iterator[ChromiumThread]:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: install the chromium package (make chromium)")
    browser = ChromiumThread()
    yield browser
    browser.close()


def _load_app(api: StandIn) -> ModuleType:
    """Import a fresh copy of the app, its client configured for this stand-in."""
    saved = {k: os.environ.get(k) for k in ("ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY")}
    os.environ.update(ANTHROPIC_BASE_URL=api.url, ANTHROPIC_API_KEY=FAKE_KEY)
    try:
        spec = importlib.util.spec_from_file_location(f"relay_app_{api.port}", APP)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def relay_for(api: StandIn) -> Iterator[str]:
    """Serve the relay app with uvicorn on a random port; yield its URL."""
    app = _load_app(api).app
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def _ask(page: Page, url: str) -> list[Request]:
    """Open the page, press Ask; return the list that records every request the page makes."""
    sent: list[Request] = []
    page.on("request", lambda request: sent.append(request))
    page.goto(url)
    page.get_by_role("button", name="Ask").click()
    return sent


def _assert_key_stayed_on_the_server(api: StandIn, page: Page, sent: list[Request]) -> None:
    for request in sent:
        assert FAKE_KEY not in request.url
        assert FAKE_KEY not in str(request.all_headers()), f"key sent by the browser: {request}"
    assert FAKE_KEY not in page.content()
    assert api.message_requests[0].headers["authorization"] == f"Bearer {FAKE_KEY}"


def test_the_text_arrives_and_closing_the_page_closes_the_upstream(
    chromium: ChromiumThread,
) -> None:
    def scenario(browser: Browser) -> None:
        with StandIn("slow_story_for_browsers") as api, relay_for(api) as url:
            page = browser.new_page()
            sent = _ask(page, url)
            expect(page.locator("#answer")).to_contain_text("Once upon a time", timeout=10_000)
            expect(page.locator("#status")).to_have_text("Streaming…")
            _assert_key_stayed_on_the_server(api, page, sent)
            assert not api.completed and not api.disconnects

            closed_at = time.monotonic()
            page.close()
            gone = api.wait_for_disconnect(DISCONNECT_WITHIN + 1)
            assert gone is not None, "the relay kept the upstream stream open after the page closed"
            latency = gone.at - closed_at
            print(f"upstream closed {latency * 1000:.0f} ms after the page closed")
            assert latency < DISCONNECT_WITHIN, f"upstream closed only after {latency:.2f} s"
            assert gone.events_sent < len(STORY.blocks[0].chunks), "the whole story was sent"
            assert not api.completed

    chromium.run(scenario)


def test_a_finished_reply_shows_done_and_is_not_requested_again(chromium: ChromiumThread) -> None:
    def scenario(browser: Browser) -> None:
        with StandIn("text") as api, relay_for(api) as url:
            page = browser.new_page()
            sent = _ask(page, url)
            expect(page.locator("#status")).to_have_text("Done.", timeout=10_000)
            answer = page.locator("#answer").text_content()
            assert (
                answer == "Rivers carry light\nstone by stone toward the sea\neach bend a new song"
            )
            _assert_key_stayed_on_the_server(api, page, sent)
            time.sleep(0.5)  # long enough for an EventSource left open to reconnect
            assert len(api.message_requests) == 1, "the page asked again after the reply ended"
            page.close()

    chromium.run(scenario)


def test_an_api_error_mid_stream_reaches_the_page(chromium: ChromiumThread) -> None:
    def scenario(browser: Browser) -> None:
        with StandIn("story_then_overloaded") as api, relay_for(api) as url:
            page = browser.new_page()
            _ask(page, url)
            expect(page.locator("#status")).to_have_text(
                "Error: overloaded_error: Overloaded", timeout=10_000
            )
            expect(page.locator("#answer")).to_contain_text("Once upon a time")
            time.sleep(0.5)
            assert len(api.message_requests) == 1, "the page asked again after the error"
            page.close()

    chromium.run(scenario)


def test_an_event_source_left_open_asks_again(chromium: ChromiumThread) -> None:
    """Why the page closes its EventSource: left open, it reconnects and the API is paid twice."""

    def scenario(browser: Browser) -> None:
        with StandIn("text") as api, relay_for(api) as url:
            page = browser.new_page()
            page.goto(url)
            page.evaluate("new EventSource('/stream?prompt=' + encodeURIComponent('Hello'))")
            deadline = time.monotonic() + 10
            while len(api.message_requests) < 2 and time.monotonic() < deadline:
                time.sleep(0.1)
            page.close()
            assert len(api.message_requests) >= 2, "the EventSource did not reconnect"

    chromium.run(scenario)


def test_sse_starlette_keeps_the_connection_alive_every_15_seconds() -> None:
    from sse_starlette import EventSourceResponse

    assert EventSourceResponse.DEFAULT_PING_INTERVAL == 15
