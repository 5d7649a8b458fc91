"""The resumable relay keeps an answer whole through a reload and a lost process, in Chromium.

Two processes of ``snippets/resumable-relay/app.py`` (uvicorn subprocesses, so one can be
killed outright) share one Redis (Debian's redis-server, started here, nothing kept) and sit
behind nginx's round robin with no sticky sessions; the stand-in sends the 58-word story one
word every 150 ms. The stand-in, Redis and the processes stay up for the module's tests (a
process starts cold, about 2.5 CPU-seconds; one a test killed is replaced by a fresh one for
the next test), as a deployment serves one reader after another; each test gets its own nginx
(so its round robin starts afresh), the stand-in reset to nothing recorded, and a fresh browser
context. The page is asked once, then:

- reloaded mid-answer: the whole story appears exactly once, and the API was asked once;
- the process the browser was reading from is killed mid-answer: the browser reconnects by
  itself (sending ``Last-Event-ID``), reaches the other process, and the same holds;
- the process writing the answer is killed: the page keeps what arrived, says the answer was
  interrupted and offers to ask again.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from playwright.sync_api import Browser, Page, Response, expect

from standin import StandIn
from standin.scenarios.contents import STORY
from tests.browser.chromium import fresh_context
from tests.browser.chromium_thread import ChromiumThread
from tests.browser.traffic import Traffic
from tests.support.paths import SNIPPETS
from tests.support.redis import redis_server
from tests.support.relay_processes import RelayPool, RelayProcess, behind_nginx

# One xdist worker runs the whole module (make test: --dist loadgroup), so its stand-in, Redis,
# relay processes and Chromium start once, not once on each worker its tests are spread over.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("resumable-relay")]

FOLDER = SNIPPETS / "resumable-relay"
WHOLE_STORY = "".join(STORY.blocks[0].chunks)
SCENARIO = "slow_story_for_browsers"  # one word every 150 ms: about 10 s in all
INTERRUPTED = "Interrupted: the server writing this answer stopped."
# Seconds a test waits for the stand-in's streams of the test before to end: a writer keeps
# writing its answer (about 10 s) when its readers leave.
SETTLE = 30.0


@pytest.fixture(scope="module")
def chromium() -> Iterator[ChromiumThread]:
    browser = ChromiumThread()
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


@dataclass
class Backend:
    """What stays up for the module's tests: the stand-in, Redis and the relay processes."""

    api: StandIn
    redis_url: str
    relays: RelayPool


@pytest.fixture(scope="module")
def backend(redis_url: str) -> Iterator[Backend]:
    with StandIn() as api:
        pool = RelayPool(FOLDER, api.url, {"REDIS_URL": redis_url})
        try:
            yield Backend(api, redis_url, pool)
        finally:
            pool.close()


class Deployment:
    """The stand-in, Redis, two relay processes and nginx, seen from a test."""

    def __init__(self, api: StandIn, url: str, relays: list[RelayProcess], store: redis.Redis):
        self.api, self.url, self.relays, self.store = api, url, relays, store
        self.reads: list[Response] = []  # each GET /answers/<id> response, in order

    def watch(self, page: Page) -> None:
        def seen(response: Response) -> None:
            if "/answers/" in response.url and response.request.method == "GET":
                self.reads.append(response)

        page.on("response", seen)

    def answer_id(self, page: Page) -> str:
        return str(page.evaluate("sessionStorage.getItem('answer')"))

    def writer(self, page: Page) -> RelayProcess:
        """The process that asked the API for the answer (it says so in Redis)."""
        owner = self.store.get(f"answer:{self.answer_id(page)}:writer")
        pid = int(str(owner).rsplit(":", 1)[1])
        return next(r for r in self.relays if r.process.pid == pid)

    def reader(self) -> RelayProcess:
        """The process that served the page's latest read (nginx names it)."""
        port = int(self.reads[-1].headers["x-relay-port"].rsplit(":", 1)[1])
        return next(r for r in self.relays if r.port == port)


@contextmanager
def deployed(backend: Backend) -> Iterator[Deployment]:
    """The stand-in reset to the slow story, two running relay processes, and a fresh nginx
    in front of them."""
    backend.api.reset(SCENARIO, settle=SETTLE)
    relays = backend.relays.live(2)
    store = redis.Redis.from_url(backend.redis_url, decode_responses=True)
    with behind_nginx(relays) as url:
        try:
            yield Deployment(backend.api, url, relays, store)
        finally:
            store.close()


def _ask(page: Page, deployment: Deployment) -> None:
    deployment.watch(page)
    page.goto(deployment.url)
    page.get_by_role("button", name="Ask").click()
    expect(page.locator("#answer")).to_contain_text("Once upon a time", timeout=15_000)


RECORD_STATUSES = """
window.statuses = [];
new MutationObserver(() => statuses.push(document.getElementById("status").textContent))
  .observe(document.getElementById("status"), {childList: true, characterData: true});
"""


def statuses(page: Page) -> list[str]:
    return list(page.evaluate("window.statuses"))


def _assert_whole_once(page: Page, deployment: Deployment) -> None:
    expect(page.locator("#status")).to_have_text("Done.", timeout=30_000)
    assert page.locator("#answer").text_content() == WHOLE_STORY
    assert len(deployment.api.message_requests) == 1, "the answer was asked for again"
    # Finished: no heartbeat left, and the answer's keys expire (KEEP_FOR, 600 s by default).
    answer = f"answer:{deployment.answer_id(page)}"
    assert not deployment.store.exists(f"{answer}:alive"), "a heartbeat outlived the answer"
    for key in (answer, f"{answer}:writer"):
        assert 0 < deployment.store.ttl(key) <= 600, f"{key} does not expire"


def _run(
    chromium: ChromiumThread, backend: Backend, check: Callable[[Page, Deployment], None]
) -> None:
    def scenario(browser: Browser) -> None:
        with deployed(backend) as deployment:
            context = fresh_context(browser, deployment.url, Traffic(deployment.url))
            try:
                check(context.new_page(), deployment)
            finally:
                context.close()

    chromium.run(scenario, timeout=120)


def test_a_reload_mid_answer_shows_the_whole_answer_once(
    chromium: ChromiumThread, backend: Backend
) -> None:
    def check(page: Page, deployment: Deployment) -> None:
        _ask(page, deployment)
        page.reload()
        assert not deployment.api.completed, "the answer ended before the reload"
        expect(page.locator("#answer")).to_contain_text("Once upon a time", timeout=15_000)
        _assert_whole_once(page, deployment)
        assert len(deployment.reads) == 2

    _run(chromium, backend, check)


def test_killing_the_process_the_page_reads_from_loses_nothing(
    chromium: ChromiumThread, backend: Backend
) -> None:
    def check(page: Page, deployment: Deployment) -> None:
        _ask(page, deployment)
        for _ in range(4):  # round robin: read from the process that does not write
            if deployment.reader() is not deployment.writer(page):
                break
            page.reload()
            expect(page.locator("#answer")).to_contain_text("Once upon", timeout=15_000)
        reader, writer = deployment.reader(), deployment.writer(page)
        assert reader is not writer, "every read landed on the writing process"
        page.evaluate(RECORD_STATUSES)
        reader.kill()
        assert not deployment.api.completed, "the answer ended before the kill"
        _assert_whole_once(page, deployment)
        # Chromium reports no network event for EventSource's own reconnection; the page's
        # status says it lost the connection, and a restart from the first piece would have
        # shown the story's beginning twice.
        assert "Reconnecting…" in statuses(page), "the page never lost its connection"
        assert writer.process.poll() is None

    _run(chromium, backend, check)


def test_killing_the_writing_process_shows_the_interruption(
    chromium: ChromiumThread, backend: Backend
) -> None:
    def check(page: Page, deployment: Deployment) -> None:
        _ask(page, deployment)
        deployment.writer(page).kill()
        expect(page.locator("#status")).to_have_text(INTERRUPTED, timeout=15_000)
        shown = page.locator("#answer").text_content() or ""
        assert shown and WHOLE_STORY.startswith(shown) and shown != WHOLE_STORY
        assert len(deployment.api.message_requests) == 1
        again = page.get_by_role("button", name="Ask again")
        expect(again).to_be_visible()
        again.click()
        expect(page.locator("#status")).to_have_text("Streaming…")
        expect(page.locator("#answer")).to_contain_text("Once upon a time", timeout=15_000)
        assert len(deployment.api.message_requests) == 2

    _run(chromium, backend, check)


def test_redis_is_gone_and_leaves_no_file_when_stopped(tmp_path: Path) -> None:
    with redis_server() as url:
        store = redis.Redis.from_url(url)
        directory = Path(str(store.config_get("dir")["dir"]))
        pid = int(store.info("server")["process_id"])
        assert store.config_get("save")["save"] == ""
        assert store.config_get("appendonly")["appendonly"] == "no"
        store.close()
    assert not directory.exists(), "Redis's directory was left behind"
    alive = subprocess.run(["kill", "-0", str(pid)], capture_output=True).returncode == 0
    assert not alive, "redis-server still runs"
