"""The resumable relay: its app imports cleanly; a client that drops its connection part-way
reads the rest from another process, and the API is asked once.

Each run of ``read_with_a_break.py`` gets its own Redis (Debian's redis-server, nothing kept)
and two copies of ``snippets/resumable-relay/app.py`` (each under uvicorn in a thread, each
with its own Redis connections) behind nginx's round robin (the page's ``nginx.conf``): the POST, the first read and the
resumed read each reach the next process in turn. The browser checks, with relay processes
killed, are ``tests/browser/test_resumable_relay.py``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import ModuleType

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import all_of, made_no_request, sent_streaming_requests
from tests.examples.harness.runner import Run
from tests.support.nginx import nginx_in_front
from tests.support.paths import SNIPPETS
from tests.support.redis import redis_server
from tests.support.relay import load_app_module, serving
from tests.support.relay_processes import upstream_group

APP = SNIPPETS / "resumable-relay" / "app.py"
ENTRY_ID = re.compile(r"\b\d{10,}-\d+\b")
ANSWER_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def load_with_redis(path: Path, upstream: str, redis_url: str) -> ModuleType:
    """A fresh copy of the app, its Redis client made for ``redis_url`` at import."""
    saved = os.environ.get("REDIS_URL")
    os.environ["REDIS_URL"] = redis_url
    try:
        return load_app_module(path, upstream)
    finally:
        if saved is None:
            os.environ.pop("REDIS_URL", None)
        else:
            os.environ["REDIS_URL"] = saved


@contextmanager
def two_relays_behind_nginx(api: StandIn) -> Iterator[tuple[str, ...]]:
    with ExitStack() as stack:
        redis_url = stack.enter_context(redis_server())
        relays = [
            stack.enter_context(serving(load_with_redis(APP, api.url, redis_url).app))
            for _ in range(2)
        ]
        block = upstream_group([url.removeprefix("http://") for url in relays])
        yield (stack.enter_context(nginx_in_front(block, "http://relays")),)


def without_ids(output: str) -> str:
    """Stream ids are times, and the answer id is random: the rest must match."""
    return ANSWER_ID.sub("<answer id>", ENTRY_ID.sub("<id>", output))


def defines_the_app_without_calling_anything(run: Run, api: StandIn) -> None:
    made_no_request(run, api)
    assert run.stdout == "", "importing the app printed something"


def read_every_piece_once(run: Run, api: StandIn) -> None:
    assert "then dropped" in run.stdout and "then done (end_turn)" in run.stdout, run.stdout
    assert "each once: True" in run.stdout, run.stdout


def passed_the_error_on(run: Run, api: StandIn) -> None:
    assert "then failed: overloaded_error: Overloaded" in run.stdout, run.stdout
    assert "each once: True" in run.stdout, run.stdout


CASES = [
    Case("resumable-relay/app.py", None, check=defines_the_app_without_calling_anything),
    Case(
        "resumable-relay/read_with_a_break.py",
        "slow_story",
        serve=two_relays_behind_nginx,
        stable=without_ids,
        check=all_of(sent_streaming_requests(), read_every_piece_once),
    ),
    # The API fails part-way: the failed event is kept in the stream like any piece.
    Case(
        "resumable-relay/read_with_a_break.py",
        "story_then_overloaded",
        serve=two_relays_behind_nginx,
        stable=without_ids,
        check=all_of(sent_streaming_requests(), passed_the_error_on),
    ),
]
