"""The stand-in holds up when many clients use it at once: every stream completes, no
connection is reset, every request is recorded, and one client's scenario turn is its own."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx2

from standin import StandIn
from standin.server import LISTEN_BACKLOG
from standin.validation import CURRENT_VERSION
from tests.support.settings import FAKE_KEY, HEADERS, MODEL

STREAMS = 200
TIME_LIMIT = 30.0  # a bound, not a speed claim: a busy machine shares its two cores
BODY = {
    "model": MODEL,
    "max_tokens": 64,
    "stream": True,
    "messages": [{"role": "user", "content": "Write a haiku about rivers."}],
}


def _one_stream(client: httpx2.Client, url: str, start: threading.Barrier) -> str | BaseException:
    """One client: wait until all are ready, then stream a whole reply over a connection of
    its own. Returns the final event's line, or the error that ended it (a reset would be
    ``httpx2.ReadError``)."""
    headers = {**HEADERS, "x-standin-client": f"load-{threading.get_ident()}"}
    try:
        start.wait(timeout=TIME_LIMIT)
        with client.stream("POST", f"{url}/v1/messages", json=BODY, headers=headers) as r:
            r.raise_for_status()
            body = r.read().decode()
        return body.rstrip("\n").rsplit("\n", 1)[-1]
    except (httpx2.HTTPError, threading.BrokenBarrierError) as exc:
        return exc


def test_200_concurrent_streams_all_complete_with_no_reset_and_all_recorded() -> None:
    assert LISTEN_BACKLOG >= STREAMS
    start = threading.Barrier(STREAMS)
    # One client, thread-safe, with a pool as large as the crowd: each stream gets its own
    # connection, all opened at once.
    limits = httpx2.Limits(max_connections=STREAMS, max_keepalive_connections=STREAMS)
    client = httpx2.Client(timeout=httpx2.Timeout(TIME_LIMIT), limits=limits)
    with client, StandIn("text") as api, ThreadPoolExecutor(max_workers=STREAMS) as pool:
        began = time.monotonic()
        futures = [pool.submit(_one_stream, client, api.url, start) for _ in range(STREAMS)]
        outcomes = [f.result(timeout=TIME_LIMIT * 2) for f in futures]
        took = time.monotonic() - began
        failures = [o for o in outcomes if isinstance(o, BaseException)]
        assert failures == [], f"{len(failures)} of {STREAMS} failed, e.g. {failures[0]!r}"
        last = [json.loads(o.removeprefix("data: ")) for o in outcomes if isinstance(o, str)]
        assert last == [{"type": "message_stop"}] * STREAMS
        assert len(api.message_requests) == STREAMS
        assert all(r.status == 200 for r in api.message_requests)
        # A client reads the last bytes before the stand-in's thread marks its stream whole.
        api.wait_for_completion(5.0, count=STREAMS)
        assert len(api.completed) == STREAMS
        assert not api.disconnects
    assert took < TIME_LIMIT, f"{STREAMS} streams took {took:.1f} s"
    print(f"\n{STREAMS} concurrent streams in {took:.2f} s")


def _status(api: StandIn, client: httpx2.Client, **headers: str) -> int:
    body = {**BODY, "stream": False}
    return client.post(
        f"{api.url}/v1/messages", json=body, headers={**HEADERS, **headers}
    ).status_code


def test_each_client_keeps_its_own_turn_in_a_scenario() -> None:
    """ "429, then OK" for two clients interleaved: each sees 429 first, whoever asks first."""
    other_key = "sk-ant-fake-key-of-another-test"
    with StandIn("rate_limited_then_ok") as api, httpx2.Client(timeout=5) as client:
        seen = [
            _status(api, client),
            _status(api, client, **{"x-api-key": other_key}),
            _status(api, client),
            _status(api, client, **{"x-api-key": other_key}),
        ]
    assert seen == [429, 429, 200, 200]


def test_a_client_header_tells_clients_with_one_key_apart() -> None:
    with StandIn("rate_limited_then_ok") as api, httpx2.Client(timeout=5) as client:
        seen = [
            _status(api, client, **{"x-standin-client": "a"}),
            _status(api, client, **{"x-standin-client": "b"}),
            _status(api, client, **{"x-standin-client": "a"}),
            _status(api, client),  # the key alone is a client of its own
            _status(api, client),
        ]
    assert seen == [429, 429, 200, 429, 200]


def test_bearer_and_x_api_key_with_one_key_are_one_client() -> None:
    bearer = {"authorization": f"Bearer {FAKE_KEY}", "anthropic-version": CURRENT_VERSION}
    with StandIn("rate_limited_then_ok") as api, httpx2.Client(timeout=5) as client:
        first = client.post(
            f"{api.url}/v1/messages", json={**BODY, "stream": False}, headers=bearer
        )
        second = _status(api, client)
    assert (first.status_code, second) == (429, 200)


def test_play_starts_every_client_again() -> None:
    with StandIn("rate_limited_then_ok") as api, httpx2.Client(timeout=5) as client:
        assert [_status(api, client), _status(api, client)] == [429, 200]
        api.play("rate_limited_then_ok")
        assert _status(api, client) == 429
