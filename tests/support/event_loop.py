"""Run a coroutine to its end from a test, whatever event loop the test's thread already has.

A worker that has used Playwright's sync API keeps an event loop running on its main thread, so
``asyncio.run`` there fails with "cannot be called from a running event loop". A fresh thread
has no loop: the coroutine gets its own, as in a program of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_in_fresh_thread(coroutine: Coroutine[Any, Any, T]) -> T:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
