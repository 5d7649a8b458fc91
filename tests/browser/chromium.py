"""Debian's Chromium, driven by Playwright: one launch and one kind of context for every test.

No browser is downloaded: Playwright drives ``/usr/bin/chromium``. DNS is switched off for
every host but 127.0.0.1 and each context aborts any request to another origin (``Traffic``),
so a page that tries to reach a third party fails its test instead of reaching the network.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Playwright

from tests.browser.traffic import Traffic

CHROMIUM = Path("/usr/bin/chromium")
# The window every page is first opened in: a laptop's, as the checks at 1280 px expect.
WINDOW = {"width": 1280, "height": 800}
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)


def chromium_path() -> Path:
    found = CHROMIUM if CHROMIUM.is_file() else shutil.which("chromium")
    if not found:
        raise FileNotFoundError("Chromium is needed for the browser tests: run `make chromium`")
    return Path(found)


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(
        executable_path=str(chromium_path()), args=list(CHROMIUM_FLAGS), headless=True
    )


def fresh_context(browser: Browser, origin: str, traffic: Traffic) -> BrowserContext:
    """A context with no cookies, storage or cache, recorded by ``traffic``, able to use the
    clipboard."""
    context = browser.new_context(base_url=origin, viewport=WINDOW)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    traffic.watch(context)
    return context
