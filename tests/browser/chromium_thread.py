"""Chromium driven from a thread of its own, for tests that run servers of their own.

Playwright's sync API runs an event loop in the thread that starts it, and refuses to start
where another sync Playwright already runs one: the site's browser suite leaves one on the test
worker's main thread, and a later sync session there (or an asyncio server started from that
thread) would clash with it. Here one worker thread owns its own Playwright and Chromium,
launched exactly as the browser suite launches them.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from playwright.sync_api import Browser, Playwright, sync_playwright

from tests.browser.chromium import launch


class ChromiumThread:
    """``run(fn)`` calls ``fn(browser)`` in the Chromium thread and waits for it, raising what
    it raised; ``close()`` stops Chromium and the thread."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        try:
            self._pool.submit(self._start).result(timeout=60)
        except BaseException:
            self.close()
            raise

    def _start(self) -> None:
        self._playwright = sync_playwright().start()
        self._browser = launch(self._playwright)

    def _stop(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()

    def run(self, fn: Callable[[Browser], None], timeout: float = 90) -> None:
        def call() -> None:
            if self._browser is None:
                raise RuntimeError("Chromium did not start")
            fn(self._browser)

        self._pool.submit(call).result(timeout=timeout)

    def close(self) -> None:
        self._pool.submit(self._stop).result(timeout=30)
        self._pool.shutdown()
