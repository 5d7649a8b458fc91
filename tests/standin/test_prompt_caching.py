"""The stand-in caches prompts as the service does: a read only for a prefix this client cached
before, within its lifetime; a write the first time; nothing below the model's minimum length.

Each test streams through the installed SDK and reads the cache figures where a client reads
them: ``message_start``'s usage (with the ``cache_creation`` breakdown by TTL) and the final
``message_delta``'s.
"""

from __future__ import annotations

from typing import Any

import anthropic
import pytest

from standin import StandIn
from standin.caching import DEFAULT_MIN_TOKENS, PromptCache
from tests.support.clients import sdk
from tests.support.settings import FAKE_KEY, MODEL

# About 1,500 tokens by the stand-in's count: above the minimum for this site's model.
LONG_RULES = "Answer in one short line. Cite the house style guide. " * 110
SHORT_RULES = "Answer in one short line."
ASK = [{"role": "user", "content": "Name one river."}]


def _system(text: str, **marker: Any) -> list[dict[str, Any]]:
    return [{"type": "text", "text": text, "cache_control": {"type": "ephemeral", **marker}}]


def _usage(api: StandIn, key: str = FAKE_KEY, **params: Any) -> tuple[Any, Any]:
    """The usage of ``message_start`` and of the last ``message_delta``."""
    client = sdk(api.url, api_key=key)
    params.setdefault("messages", ASK)
    start = delta = None
    with client.messages.stream(model=MODEL, max_tokens=64, **params) as stream:
        for event in stream:
            if event.type == "message_start":
                start = event.message.usage
            elif event.type == "message_delta":
                delta = event.usage
    assert start is not None and delta is not None
    return start, delta


def _cache(usage: Any) -> tuple[int, int]:
    return usage.cache_creation_input_tokens, usage.cache_read_input_tokens


def test_the_first_request_writes_the_cache_and_the_same_prefix_then_reads_it(
    standin: StandIn,
) -> None:
    first_start, first_delta = _usage(standin, system=_system(LONG_RULES))
    written, read = _cache(first_start)
    assert written > DEFAULT_MIN_TOKENS and read == 0
    assert first_start.cache_creation.ephemeral_5m_input_tokens == written
    assert _cache(first_delta) == (written, 0)

    second_start, second_delta = _usage(standin, system=_system(LONG_RULES))
    assert _cache(second_start) == (0, written)
    assert _cache(second_delta) == (0, written)
    # What was cached is not counted again as plain input.
    assert second_start.input_tokens == first_start.input_tokens < written


def test_no_read_without_a_prior_identical_prefix(standin: StandIn) -> None:
    _usage(standin, system=_system(LONG_RULES))
    start, _ = _usage(standin, system=_system(LONG_RULES + " Be brief."))
    written, read = _cache(start)
    assert read == 0 and written > DEFAULT_MIN_TOKENS


def test_a_request_without_a_marker_neither_reads_nor_writes(standin: StandIn) -> None:
    _usage(standin, system=_system(LONG_RULES))
    start, _ = _usage(standin, system=LONG_RULES)
    assert _cache(start) == (0, 0)


def test_a_prefix_shorter_than_the_minimum_is_not_cached(standin: StandIn) -> None:
    for _ in range(2):
        start, delta = _usage(standin, system=_system(SHORT_RULES))
        assert _cache(start) == (0, 0) and _cache(delta) == (0, 0)


def test_another_client_does_not_read_this_clients_cache(standin: StandIn) -> None:
    _usage(standin, system=_system(LONG_RULES))
    start, _ = _usage(standin, key=FAKE_KEY + "-other", system=_system(LONG_RULES))
    assert _cache(start)[1] == 0


def test_the_entry_expires_after_its_lifetime_and_a_read_renews_it(standin: StandIn) -> None:
    now = [0.0]
    standin.prompt_cache = PromptCache(clock=lambda: now[0])
    _usage(standin, system=_system(LONG_RULES))
    now[0] = 299.0
    assert _cache(_usage(standin, system=_system(LONG_RULES))[0])[0] == 0  # read, renewed
    now[0] = 598.0
    assert _cache(_usage(standin, system=_system(LONG_RULES))[0])[0] == 0  # read again
    now[0] = 899.0
    written, read = _cache(_usage(standin, system=_system(LONG_RULES))[0])
    assert read == 0 and written > 0


def test_a_one_hour_marker_is_counted_as_such(standin: StandIn) -> None:
    now = [0.0]
    standin.prompt_cache = PromptCache(clock=lambda: now[0])
    start, _ = _usage(standin, system=_system(LONG_RULES, ttl="1h"))
    assert start.cache_creation.ephemeral_1h_input_tokens == start.cache_creation_input_tokens
    assert start.cache_creation.ephemeral_5m_input_tokens == 0
    now[0] = 3000.0
    assert _cache(_usage(standin, system=_system(LONG_RULES, ttl="1h"))[0])[0] == 0


def test_automatic_caching_reads_the_earlier_turns_as_the_conversation_grows(
    standin: StandIn,
) -> None:
    first = [{"role": "user", "content": LONG_RULES + " What is a river?"}]
    written, _ = _cache(_usage(standin, messages=first, cache_control={"type": "ephemeral"})[0])
    grown = [
        *first,
        {"role": "assistant", "content": "Water that flows."},
        {"role": "user", "content": "And a lake?"},
    ]
    start, _ = _usage(standin, messages=grown, cache_control={"type": "ephemeral"})
    more, read = _cache(start)
    assert read == written and 0 < more < written


def _refusal(api: StandIn, system: Any) -> str:
    with pytest.raises(anthropic.BadRequestError) as raised:
        _usage(api, system=system)
    return str(raised.value)


def test_a_fifth_breakpoint_is_refused(standin: StandIn) -> None:
    system = [
        {"type": "text", "text": f"Rule {n}.", "cache_control": {"type": "ephemeral"}}
        for n in range(5)
    ]
    assert "A maximum of 4 blocks with cache_control may be provided. Found 5." in _refusal(
        standin, system
    )


def test_a_ttl_the_api_does_not_know_is_refused(standin: StandIn) -> None:
    assert "cache_control.ttl" in _refusal(standin, _system(LONG_RULES, ttl="10m"))


def test_an_hour_after_five_minutes_is_refused(standin: StandIn) -> None:
    system = [*_system(SHORT_RULES), *_system(LONG_RULES, ttl="1h")]
    assert "ttl '1h' cannot come after" in _refusal(standin, system)
    _usage(standin, system=[*_system(LONG_RULES, ttl="1h"), *_system(SHORT_RULES)])
