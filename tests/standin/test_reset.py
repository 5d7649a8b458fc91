"""A reset stand-in is a fresh one on the same port: one stand-in can serve test after test
behind a server started once (a relay keeps the address it was given).

The same requests get the same answers from a fresh stand-in and from one that served others
before its reset (request ids, rate-limit counts, the scenario's turns, the prompt cache), and
a reset waits for the requests under way, so a stream left by the test before cannot record
its end into the next test's records.
"""

from __future__ import annotations

import time
from typing import Any

import httpx2
import pytest

from standin import StandIn, scenarios
from tests.support.settings import HEADERS, MODEL

# About 1,500 tokens by the stand-in's count: long enough to be cached.
LONG_RULES = "Answer in one short line. Cite the house style guide. " * 110
BODY = {
    "model": MODEL,
    "max_tokens": 64,
    "stream": True,
    "system": [{"type": "text", "text": LONG_RULES, "cache_control": {"type": "ephemeral"}}],
    "messages": [{"role": "user", "content": "Write a haiku about rivers."}],
}
# Rate-limit resets name the next minute, which may turn between two runs.
COMPARED = ("request-id", "anthropic-ratelimit-requests-remaining")


def _answers(api: StandIn, count: int = 3) -> list[tuple[int, dict[str, str], bytes]]:
    """``count`` times the same request: each answer's status, chosen headers and body."""
    found = []
    with httpx2.Client(base_url=api.url, timeout=10) as client:
        for _ in range(count):
            response = client.post("/v1/messages", headers=HEADERS, json=BODY)
            headers = {name: response.headers.get(name, "") for name in COMPARED}
            found.append((response.status_code, headers, response.content))
    return found


def _use(api: StandIn) -> None:
    """Leave records of every kind: answers, a refusal, a cached prefix, turns taken."""
    _answers(api)
    broken: dict[str, Any] = {k: v for k, v in BODY.items() if k != "max_tokens"}
    httpx2.post(f"{api.url}/v1/messages", headers=HEADERS, json=broken, timeout=10)
    assert api.requests and api.completed and api.refusals


def test_a_reset_stand_in_answers_as_a_fresh_one() -> None:
    with StandIn("rate_limited_then_ok") as fresh:
        expected = _answers(fresh)
    assert [status for status, _, _ in expected] == [429, 200, 200]
    with StandIn("rate_limited_then_ok") as used:
        _use(used)
        used.reset("rate_limited_then_ok")
        assert not (used.requests or used.completed or used.disconnects or used.refusals)
        assert _answers(used) == expected
        assert len(used.requests) == 3 and len(used.completed) == 2


def test_a_reset_waits_for_the_requests_under_way() -> None:
    with StandIn("slow_story_for_browsers") as api, httpx2.Client(timeout=10) as client:
        with client.stream("POST", f"{api.url}/v1/messages", headers=HEADERS, json=BODY) as left:
            chunks = left.iter_raw()  # kept: a dropped iterator closes the response
            next(chunks)  # the stream is under way: about 10 s of it to come
            with pytest.raises(TimeoutError):
                api.reset("text", settle=0.3)
            assert len(api.requests) == 1, "a reset that timed out forgot the records"
        api.reset("text", settle=5)  # the stream just left: the stand-in notices it first
        time.sleep(0.5)
        assert not (api.requests or api.disconnects), "the left stream recorded after the reset"
        assert api.scenario is scenarios.get("text")
