"""The browser relay pages work end to end in a real Chromium, and stop paying when left.

Each relay (``snippets/browser-relay/app.py`` in Starlette, ``snippets/fastapi-relay/app.py``
in FastAPI) runs under uvicorn on a random 127.0.0.1 port, calling the stand-in; its page is
opened in headless Chromium and asked a question. The tests check that
the text arrives in the page, that the API key never reaches the browser, that an API error
shows in the page, that a finished stream is not asked for again (EventSource reconnects unless
closed), and that closing the page closes the upstream stream within a second.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest
from playwright.sync_api import Browser, Page, Request, expect

from standin import StandIn
from standin.scenarios.contents import STORY
from tests.browser.chromium import fresh_context
from tests.browser.chromium_thread import ChromiumThread
from tests.browser.traffic import Traffic
from tests.support.event_loop import run_in_fresh_thread
from tests.support.paths import SNIPPETS
from tests.support.relay import load_app_module, relay_for
from tests.support.settings import FAKE_KEY

pytestmark = pytest.mark.browser

APPS = {
    "starlette": SNIPPETS / "browser-relay" / "app.py",
    "fastapi": SNIPPETS / "fastapi-relay" / "app.py",
}
DISCONNECT_WITHIN = 1.0  # seconds from closing the page to the stand-in seeing the close
RECONNECT_WINDOW = 0.5  # seconds: long enough for an EventSource left open to reconnect


@pytest.fixture(scope="module")
def chromium() -> Iterator[ChromiumThread]:
    """Chromium in its own thread: uvicorn and the stand-in run beside a sync Playwright that
    the site's browser tests may have left on this worker's main thread."""
    browser = ChromiumThread()
    yield browser
    browser.close()


@pytest.fixture(params=sorted(APPS), scope="module")
def app(request: pytest.FixtureRequest) -> Path:
    """Each relay in turn: the same page, the same checks."""
    return APPS[request.param]


@contextmanager
def relay_page(browser: Browser, app: Path, scenario: str) -> Iterator[tuple[StandIn, Page, str]]:
    """The stand-in playing ``scenario``, the relay ``app`` in front of it, and a page in a
    fresh context that may reach the relay and nothing else; yield them and the relay's URL."""
    with StandIn(scenario) as api, relay_for(app, api.url) as url:
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
    chromium: ChromiumThread, app: Path
) -> None:
    def scenario(browser: Browser) -> None:
        with relay_page(browser, app, "slow_story_for_browsers") as (api, page, url):
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


def test_a_finished_reply_shows_done_and_is_not_requested_again(
    chromium: ChromiumThread, app: Path
) -> None:
    def scenario(browser: Browser) -> None:
        with relay_page(browser, app, "text") as (api, page, url):
            sent = _ask(page, url)
            expect(page.locator("#status")).to_have_text("Done.", timeout=10_000)
            answer = page.locator("#answer").text_content()
            assert (
                answer == "Rivers carry light\nstone by stone toward the sea\neach bend a new song"
            )
            _assert_key_stayed_on_the_server(api, page, sent)
            _assert_asked_once(api, page, after="the reply ended")

    chromium.run(scenario)


def test_an_api_error_mid_stream_reaches_the_page(chromium: ChromiumThread, app: Path) -> None:
    def scenario(browser: Browser) -> None:
        with relay_page(browser, app, "story_then_overloaded") as (api, page, url):
            _ask(page, url)
            expect(page.locator("#status")).to_have_text(
                "Error: overloaded_error: Overloaded", timeout=10_000
            )
            expect(page.locator("#answer")).to_contain_text("Once upon a time")
            _assert_asked_once(api, page, after="the error")

    chromium.run(scenario)


def test_an_event_source_left_open_asks_again(chromium: ChromiumThread, app: Path) -> None:
    """Why the page closes its EventSource: left open, it reconnects and the API is paid twice."""

    def scenario(browser: Browser) -> None:
        with relay_page(browser, app, "text") as (api, page, url):
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


def test_fastapi_keeps_the_connection_alive_every_15_seconds() -> None:
    """The FastAPI page says so; the interval is a module constant of fastapi.sse."""
    from fastapi import sse

    assert sse._PING_INTERVAL == 15
    assert sse.KEEPALIVE_COMMENT == b": ping\n\n"


def test_both_relays_serve_the_same_page() -> None:
    """The FastAPI relay's folder holds its own copy of the page, so it runs from there."""
    pages = {name: (path.parent / "index.html").read_bytes() for name, path in APPS.items()}
    assert len(set(pages.values())) == 1, "the relays' index.html copies differ"


def test_the_fastapi_relay_refuses_a_bad_prompt_without_calling_the_api() -> None:
    """The FastAPI page says an empty or overlong prompt gets HTTP 422 and no API call."""

    async def ask(app: object, prompt: str) -> int:
        transport = httpx2.ASGITransport(app=app)  # type: ignore[arg-type]
        async with httpx2.AsyncClient(transport=transport, base_url="http://relay") as client:
            return (await client.get("/stream", params={"prompt": prompt})).status_code

    with StandIn("text") as api:
        module = load_app_module(APPS["fastapi"], api.url)
        limit = module.MAX_PROMPT_CHARS
        assert run_in_fresh_thread(ask(module.app, "")) == 422
        assert run_in_fresh_thread(ask(module.app, "x" * (limit + 1))) == 422
        assert not api.requests, "a refused prompt reached the API"
        assert run_in_fresh_thread(ask(module.app, "x" * limit)) == 200


@pytest.mark.parametrize("name", sorted(APPS))
def test_each_relay_tells_proxies_not_to_buffer(name: str) -> None:
    """Behind a reverse proxy says both relays send X-Accel-Buffering: no (nginx then passes
    each event on at once)."""

    async def headers(app: object) -> httpx2.Headers:
        transport = httpx2.ASGITransport(app=app)  # type: ignore[arg-type]
        async with httpx2.AsyncClient(transport=transport, base_url="http://relay") as client:
            return (await client.get("/stream", params={"prompt": "Hi"})).headers

    with StandIn("text") as api:
        found = run_in_fresh_thread(headers(load_app_module(APPS[name], api.url).app))
    assert found.get("x-accel-buffering") == "no"


def test_a_plain_streaming_response_lets_proxies_buffer() -> None:
    """Behind a reverse proxy says a plain StreamingResponse needs the header added by hand."""
    from starlette.responses import StreamingResponse

    plain = StreamingResponse(iter(()), media_type="text/event-stream")
    assert "x-accel-buffering" not in plain.headers
