"""The browser relay pages work end to end in a real Chromium, and stop paying when left.

Each relay (``snippets/browser-relay/app.py`` in Starlette, ``snippets/fastapi-relay/app.py``
in FastAPI, ``snippets/django-relay/app.py`` in Django, ``snippets/flask-relay/app.py`` in
Flask) is served on a random 127.0.0.1 port, calling the stand-in: the first two under uvicorn
in a thread, Django under uvicorn and Flask under gunicorn each in a process of its own, as
their pages run them (``tests/support/served.py``). Each relay and the stand-in behind it are
started once for the module, by the first test that asks for that relay (a relay process starts
cold: its framework and the SDK, about 2.5 CPU-seconds), and serve its later tests as a server
that stays up serves reader after reader; before each test the stand-in is reset to the test's
scenario (nothing recorded, as a fresh one), once the requests of the test before have ended.
Its page is opened in a tab of headless Chromium that may reach the relay and nothing else (in
a fresh context, or the tab the test before on that relay left blank) and asked a question. The
tests check that the text arrives in the page, that the API key never reaches the browser, that
an API error shows in the page, that a finished stream is not asked for again (EventSource
reconnects unless closed), and that closing the page closes the upstream stream within a
second. The time measured for the Django and Flask relays is compared with (``make regen``:
written to) ``snippets/<relay>/closing_the_tab.txt``, which their pages include, times masked
(``tests/support/generated.py``).
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from importlib import metadata
from pathlib import Path

import httpx2
import pytest
from playwright.sync_api import Browser, Page, Request, expect

from standin import StandIn
from standin.scenarios.contents import STORY
from standin.server import Disconnect
from tests.browser.chromium import fresh_context
from tests.browser.chromium_thread import ChromiumThread
from tests.browser.traffic import Traffic
from tests.support.event_loop import run_in_fresh_thread
from tests.support.generated import check_or_write, mask_times
from tests.support.paths import SNIPPETS
from tests.support.relay import load_app_module, relay_for
from tests.support.served import gunicorn_command, served_process, uvicorn_command
from tests.support.settings import FAKE_KEY

# One xdist worker runs the whole module (make test: --dist loadgroup), so its relays, their
# stand-ins, tabs and Chromium start once, not once on each worker its tests are spread over.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("relay")]

APPS = {
    "starlette": SNIPPETS / "browser-relay" / "app.py",
    "fastapi": SNIPPETS / "fastapi-relay" / "app.py",
}
Serve = Callable[[str], AbstractContextManager[str]]  # the upstream's URL -> the relay's URL
SERVED: dict[str, Serve] = {
    "starlette": partial(relay_for, APPS["starlette"]),
    "fastapi": partial(relay_for, APPS["fastapi"]),
    "django": partial(served_process, SNIPPETS / "django-relay", uvicorn_command),
    "flask": partial(served_process, SNIPPETS / "flask-relay", gunicorn_command),
    "flask-heartbeat": partial(
        served_process,
        SNIPPETS / "flask-relay",
        partial(gunicorn_command, module="app_with_heartbeat"),
    ),
}
FOLDERS = {"starlette": "browser-relay", "fastapi": "fastapi-relay"} | {
    name: f"{name}-relay" for name in ("django", "flask")
}
# Where the pages' figure comes from: the relay, its server, and the packages that matter.
RECORDED = {
    "django": ("uvicorn", ("django", "uvicorn")),
    "flask": ("gunicorn (gthread worker)", ("flask", "gunicorn")),
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


@pytest.fixture(params=sorted(SERVED), scope="module")
def app(request: pytest.FixtureRequest) -> str:
    """Each relay in turn, by name: the same page, the same checks."""
    return str(request.param)


@dataclass
class Relay:
    """A relay serving on ``url``, the stand-in it calls, and the tab on it that the test before
    left open (blank), which the next test takes: a new tab starts a renderer, about 0.7
    CPU-seconds."""

    api: StandIn
    url: str
    tab: Page | None = None


@pytest.fixture(scope="module")
def relays() -> Iterator[Callable[[str], Relay]]:
    """``relays(app)``: the relay ``app`` and its stand-in, started by the module's first test
    that asks for it and kept up for the others; all stopped when the module ends."""
    started: dict[str, Relay] = {}
    with ExitStack() as stack:

        def relay(app: str) -> Relay:
            if app not in started:
                api = stack.enter_context(StandIn())
                started[app] = Relay(api, stack.enter_context(SERVED[app](api.url)))
            return started[app]

        yield relay


@pytest.fixture
def relay(relays: Callable[[str], Relay], app: str) -> Relay:
    """The relay this test's ``app`` names, started in the test's own thread (not Chromium's)."""
    return relays(app)


@contextmanager
def relay_page(
    browser: Browser, relay: Relay, scenario: str
) -> Iterator[tuple[StandIn, Page, list[Request]]]:
    """The stand-in reset to ``scenario`` (``StandIn.reset``: it waits for the requests of the
    test before to end), and a blank tab that may reach the relay and nothing else (in a fresh
    context, or the one the test before left); yield the stand-in, the tab and the list of
    every request the tab makes in this test. A tab still open at the end is left blank (its
    page and EventSource gone) for the next test; a closed one takes its context with it."""
    relay.api.reset(scenario)
    page, relay.tab = relay.tab or _new_tab(browser, relay.url), None
    sent: list[Request] = []

    def record(request: Request) -> None:
        sent.append(request)

    page.on("request", record)
    try:
        yield relay.api, page, sent
    finally:
        if not page.is_closed():
            page.remove_listener("request", record)
            page.goto("about:blank")
            relay.tab = page
        else:
            page.context.close()


def _new_tab(browser: Browser, url: str) -> Page:
    return fresh_context(browser, url, Traffic(url)).new_page()


def _ask(page: Page, url: str) -> None:
    """Open the page and press Ask."""
    page.goto(url)
    page.get_by_role("button", name="Ask").click()


def _assert_asked_once(api: StandIn, page: Page, after: str) -> None:
    # The page's own wait, not time.sleep: a request waits in the context's route while Python
    # sleeps, so a reconnect would go unseen.
    page.wait_for_timeout(RECONNECT_WINDOW * 1000)
    assert len(api.message_requests) == 1, f"the page asked again after {after}"


def _ending(api: StandIn) -> tuple[Disconnect | None, bool]:
    """How the page's one request to the API ended so far: left (its Disconnect), or sent
    whole (True). Only that request's ending counts, whatever else the stand-in recorded."""
    requests = api.message_requests
    assert len(requests) == 1, f"the page asked the API {len(requests)} times"
    asked = requests[0]
    left = next((d for d in api.disconnects if d.request_id == asked.request_id), None)
    return left, asked.request_id in api.completed


def _assert_key_stayed_on_the_server(api: StandIn, page: Page, sent: list[Request]) -> None:
    for request in sent:
        assert FAKE_KEY not in request.url
        assert FAKE_KEY not in str(request.all_headers()), f"key sent by the browser: {request}"
    assert FAKE_KEY not in page.content()
    assert api.message_requests[0].headers["authorization"] == f"Bearer {FAKE_KEY}"


PAUSE_SECONDS = 20.0  # pings_during_pause: some text, then 20 s of pings only, then the rest
HEARTBEAT_WITHIN = 5.0  # seconds: two heartbeats of app_with_heartbeat.py, and a ping's wait
# (relay, silence) -> the file the Flask page includes. pings_during_pause keeps sending pings,
# which the SDK reads and drops; stalled sends nothing at all for 30 s.
PAUSE_RECORDS = {
    ("flask", "pings_during_pause"): "closing_the_tab_during_a_pause.txt",
    ("flask-heartbeat", "pings_during_pause"): "closing_the_tab_during_a_pause_heartbeat.txt",
    ("flask-heartbeat", "stalled"): "closing_the_tab_during_a_stall_heartbeat.txt",
}

SILENCES = {"pings_during_pause": "sending only pings", "stalled": "sending nothing at all"}


@pytest.mark.parametrize(("app", "silence"), sorted(PAUSE_RECORDS))
def test_a_wsgi_relay_notices_a_closed_page_at_its_next_write(
    chromium: ChromiumThread, app: str, silence: str, relay: Relay, update_goldens: bool
) -> None:
    """The Flask page's pitfall and its fix, measured: closed during a silence, the page is
    noticed gone only when the reply's text resumes (by then the rest of the reply may be read
    whole, the writes of its last events landing in the socket's buffer), unless a heartbeat
    writes meanwhile."""

    measured: list[tuple[float, bool]] = []  # (seconds from close to upstream end, read whole)

    def scenario(browser: Browser) -> None:
        with relay_page(browser, relay, silence) as (api, page, _):
            _ask(page, relay.url)
            expect(page.locator("#answer")).to_have_text("Rivers carry light", timeout=10_000)
            page.wait_for_timeout(1000)  # into the silence
            closed_at = time.monotonic()
            page.close()
            deadline = closed_at + PAUSE_SECONDS + 5
            while _ending(api) == (None, False) and time.monotonic() < deadline:
                time.sleep(0.05)
            left, whole = _ending(api)
            ended_at = left.at if left else time.monotonic()
            assert left or whole, "the upstream stream was never closed"
            measured.append((ended_at - closed_at, whole))

    chromium.run(scenario)
    latency, read_whole = measured[0]
    ending = "read to its end" if read_whole else "cut short"
    print(f"{app}: upstream {ending} {latency:.1f} s after the page closed, in a silence")
    if app == "flask":
        assert latency > PAUSE_SECONDS / 2, "the relay noticed the closed page during the silence"
    else:
        assert latency < HEARTBEAT_WITHIN, f"the heartbeat took {latency:.1f} s to notice"
        assert not read_whole, "the relay with a heartbeat read the whole reply"
    file = "app_with_heartbeat.py" if app == "flask-heartbeat" else "app.py"
    check_or_write(
        SNIPPETS / "flask-relay" / PAUSE_RECORDS[app, silence],
        f"{file}, the API {SILENCES[silence]}:\nthe upstream stream ended"
        f" {latency:.1f} s after the tab closed ({ending}).\n",
        update=update_goldens,
        # Without a heartbeat, whether the writes of the reply's last events still fit in the
        # socket's buffer before the closed tab's reset arrives is a race (the page says "can"):
        # either ending keeps the page's sentence true.
        mask=_either_ending if app == "flask" else None,
    )


def _either_ending(text: str) -> str:
    return mask_times(text.replace("(cut short)", "(read to its end)"))


def test_a_finished_reply_shows_done_and_is_not_requested_again(
    chromium: ChromiumThread, relay: Relay
) -> None:
    def scenario(browser: Browser) -> None:
        with relay_page(browser, relay, "text") as (api, page, sent):
            _ask(page, relay.url)
            expect(page.locator("#status")).to_have_text("Done.", timeout=10_000)
            answer = page.locator("#answer").text_content()
            assert (
                answer == "Rivers carry light\nstone by stone toward the sea\neach bend a new song"
            )
            _assert_key_stayed_on_the_server(api, page, sent)
            _assert_asked_once(api, page, after="the reply ended")

    chromium.run(scenario)


def test_an_api_error_mid_stream_reaches_the_page(chromium: ChromiumThread, relay: Relay) -> None:
    def scenario(browser: Browser) -> None:
        with relay_page(browser, relay, "story_then_overloaded") as (api, page, _):
            _ask(page, relay.url)
            expect(page.locator("#status")).to_have_text(
                "Error: overloaded_error: Overloaded", timeout=10_000
            )
            expect(page.locator("#answer")).to_contain_text("Once upon a time")
            _assert_asked_once(api, page, after="the error")

    chromium.run(scenario)


def test_an_event_source_left_open_asks_again(chromium: ChromiumThread, relay: Relay) -> None:
    """Why the page closes its EventSource: left open, it reconnects and the API is paid twice."""

    def scenario(browser: Browser) -> None:
        with relay_page(browser, relay, "text") as (api, page, _):
            page.goto(relay.url)
            page.evaluate("new EventSource('/stream?prompt=' + encodeURIComponent('Hello'))")
            deadline = time.monotonic() + 10
            while len(api.message_requests) < 2 and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            page.goto("about:blank")  # gone with its page, the EventSource asks no more
            assert len(api.message_requests) >= 2, "the EventSource did not reconnect"

    chromium.run(scenario)


# After the tests above, which share a relay's tab: this one closes it (pytest runs each relay's
# tests in the order they are defined).
def test_the_text_arrives_and_closing_the_page_closes_the_upstream(
    chromium: ChromiumThread, app: str, relay: Relay, update_goldens: bool
) -> None:
    def scenario(browser: Browser) -> None:
        with relay_page(browser, relay, "slow_story_for_browsers") as (api, page, sent):
            _ask(page, relay.url)
            expect(page.locator("#answer")).to_contain_text("Once upon a time", timeout=10_000)
            expect(page.locator("#status")).to_have_text("Streaming…")
            _assert_key_stayed_on_the_server(api, page, sent)
            assert not api.completed and not api.disconnects

            closed_at = time.monotonic()
            page.close()
            gone = api.wait_for_disconnect(DISCONNECT_WITHIN + 1)
            assert gone is not None, "the relay kept the upstream stream open after the page closed"
            assert _ending(api) == (gone, False), "another stream ended, not the page's"
            latency = gone.at - closed_at
            print(f"upstream closed {latency * 1000:.0f} ms after the page closed")
            assert latency < DISCONNECT_WITHIN, f"upstream closed only after {latency:.2f} s"
            assert gone.events_sent < len(STORY.blocks[0].chunks), "the whole story was sent"
            assert not api.completed
            if app in RECORDED:
                measured.append(latency)

    measured: list[float] = []
    chromium.run(scenario)
    if app in RECORDED:
        check_or_write(_close_time_file(app), _close_time(app, measured[0]), update=update_goldens)


def _close_time_file(app: str) -> Path:
    return SNIPPETS / FOLDERS[app] / "closing_the_tab.txt"


def _close_time(app: str, latency: float) -> str:
    """The sentence the relay's page includes: the time this run measured, and what ran."""
    server, packages = RECORDED[app]
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in packages)
    return (
        f"Closed the tab mid-answer: the upstream stream was closed {latency * 1000:.0f} ms"
        f" later\n(under {server}; {versions}; Python {platform.python_version()}).\n"
    )


def test_sse_starlette_keeps_the_connection_alive_every_15_seconds() -> None:
    from sse_starlette import EventSourceResponse

    assert EventSourceResponse.DEFAULT_PING_INTERVAL == 15


def test_fastapi_keeps_the_connection_alive_every_15_seconds() -> None:
    """The FastAPI page says so; the interval is a module constant of fastapi.sse."""
    from fastapi import sse

    assert sse._PING_INTERVAL == 15
    assert sse.KEEPALIVE_COMMENT == b": ping\n\n"


def test_every_relay_serves_the_same_page() -> None:
    """Each relay's folder holds its own copy of the page, so it runs from there."""
    pages = {
        name: (SNIPPETS / folder / "index.html").read_bytes() for name, folder in FOLDERS.items()
    }
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
