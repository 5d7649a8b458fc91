"""The browser relay page works end to end in a real Chromium, and stops paying when left.

``snippets/browser-relay/app.py`` runs under uvicorn on a random 127.0.0.1 port, calling the
stand-in; its page is opened in headless Chromium and asked a question. The tests check that
the text arrives in the page, that the API key never reaches the browser, that an API error
shows in the page, that a finished stream is not asked for again (EventSource reconnects unless
closed), and that closing the page closes the upstream stream within a second.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, Request, expect

from standin import StandIn
from standin.scenarios.contents import STORY
from tests.browser.chromium import fresh_context
from tests.browser.chromium_thread import ChromiumThread
from tests.browser.traffic import Traffic
from tests.support.modules import load_module
from tests.support.paths import SNIPPETS
from tests.support.settings import FAKE_KEY

pytestmark = pytest.mark.browser

APP = SNIPPETS / "browser-relay" / "app.py"
DISCONNECT_WITHIN = 1.0  # seconds from closing the page to the stand-in seeing the close
RECONNECT_WINDOW = 0.5  # seconds: long enough for an EventSource left open to reconnect


@pytest.fixture(scope="module")
def chromium() -> Iterator[ChromiumThread]:
    """Chromium in its own thread: uvicorn and the stand-in run beside a sync Playwright that
    the site's browser tests may have left on this worker's main thread."""
    browser = ChromiumThread()
    yield browser
    browser.close()


def _load_app(api: StandIn) -> ModuleType:
    """Import a fresh copy of the app, its client configured for this stand-in."""
    saved = {k: os.environ.get(k) for k in ("ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY")}
    os.environ.update(ANTHROPIC_BASE_URL=api.url, ANTHROPIC_API_KEY=FAKE_KEY)
    try:
        return load_module(APP, f"relay_app_{api.port}")
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


@contextmanager
def relay_page(browser: Browser, scenario: str) -> Iterator[tuple[StandIn, Page, str]]:
    """The stand-in playing ``scenario``, the relay in front of it, and a page in a fresh
    context that may reach the relay and nothing else; yield them and the relay's URL."""
    with StandIn(scenario) as api, relay_for(api) as url:
        context = fresh_context(browser, url, Traffic(url))
        try:
            yield api, context.new_page(), url
        finally:
            context.close()


def _ask(page: Page, url: str) -> list[Request]:
    """Open the page, press Ask; return the list that records every request the page makes."""
    sent: list[Request] = []
    page.on("request", lambda request: sent.append(request))
    page.goto(url)
    page.get_by_role("button", name="Ask").click()
    return sent


def _assert_asked_once(api: StandIn, page: Page, after: str) -> None:
    # The page's own wait, not time.sleep: a request waits in the context's route while Python
    # sleeps, so a reconnect would go unseen.
    page.wait_for_timeout(RECONNECT_WINDOW * 1000)
    assert len(api.message_requests) == 1, f"the page asked again after {after}"


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
        with relay_page(browser, "slow_story_for_browsers") as (api, page, url):
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
        with relay_page(browser, "text") as (api, page, url):
            sent = _ask(page, url)
            expect(page.locator("#status")).to_have_text("Done.", timeout=10_000)
            answer = page.locator("#answer").text_content()
            assert (
                answer == "Rivers carry light\nstone by stone toward the sea\neach bend a new song"
            )
            _assert_key_stayed_on_the_server(api, page, sent)
            _assert_asked_once(api, page, after="the reply ended")

    chromium.run(scenario)


def test_an_api_error_mid_stream_reaches_the_page(chromium: ChromiumThread) -> None:
    def scenario(browser: Browser) -> None:
        with relay_page(browser, "story_then_overloaded") as (api, page, url):
            _ask(page, url)
            expect(page.locator("#status")).to_have_text(
                "Error: overloaded_error: Overloaded", timeout=10_000
            )
            expect(page.locator("#answer")).to_contain_text("Once upon a time")
            _assert_asked_once(api, page, after="the error")

    chromium.run(scenario)


def test_an_event_source_left_open_asks_again(chromium: ChromiumThread) -> None:
    """Why the page closes its EventSource: left open, it reconnects and the API is paid twice."""

    def scenario(browser: Browser) -> None:
        with relay_page(browser, "text") as (api, page, url):
            page.goto(url)
            page.evaluate("new EventSource('/stream?prompt=' + encodeURIComponent('Hello'))")
            deadline = time.monotonic() + 10
            while len(api.message_requests) < 2 and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            page.close()
            assert len(api.message_requests) >= 2, "the EventSource did not reconnect"

    chromium.run(scenario)


def test_sse_starlette_keeps_the_connection_alive_every_15_seconds() -> None:
    from sse_starlette import EventSourceResponse

    assert EventSourceResponse.DEFAULT_PING_INTERVAL == 15
