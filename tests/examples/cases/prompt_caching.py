"""Prompt caching while streaming: a first request writes the cache, the same prefix then reads
it; a prefix below the model's minimum is never cached."""

from __future__ import annotations

import itertools

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import all_of, sent_streaming_requests
from tests.examples.harness.runner import Run


def _caches(api: StandIn) -> list[tuple[int, int]]:
    """(written, read) of each request, as the stand-in planned them."""
    plans = [r.plan for r in api.message_requests]
    assert all(p is not None for p in plans), "a request got no answer"
    return [(p.cache.written, p.cache.read) for p in plans if p is not None]


def wrote_then_read(run: Run, api: StandIn) -> None:
    (first_written, first_read), (second_written, second_read) = _caches(api)
    assert first_written > 0 and first_read == 0, "the first request did not write the cache"
    assert second_read == first_written and second_written == 0, "the second did not read it"


def each_turn_read_the_last(run: Run, api: StandIn) -> None:
    caches = _caches(api)
    assert caches[0][1] == 0 and caches[0][0] > 0, "the first turn did not write the cache"
    for (written_before, read_before), (written, read) in itertools.pairwise(caches):
        assert read == read_before + written_before, "a turn did not read what came before"
        assert 0 < written < read, "a turn wrote more than its new part"


def printed_no_none(run: Run, api: StandIn) -> None:
    """Every figure printed is a number: a field the stream left out is not shown as None."""
    assert "None" not in run.stdout, f"a figure printed as None:\n{run.stdout}"


def cached_nothing(run: Run, api: StandIn) -> None:
    assert _caches(api) == [(0, 0), (0, 0)], "a prefix below the minimum was cached"


CASES = [
    Case(
        "prompt-caching/cache_a_long_system_prompt.py",
        "text",
        check=all_of(sent_streaming_requests(2), wrote_then_read, printed_no_none),
    ),
    # message_delta's usage with output_tokens alone: the figures still come out as numbers.
    Case(
        "prompt-caching/cache_a_long_system_prompt.py",
        "delta_usage_output_only",
        check=all_of(sent_streaming_requests(2), wrote_then_read, printed_no_none),
    ),
    Case(
        "prompt-caching/cache_a_conversation.py",
        "haiku_conversation",
        check=all_of(sent_streaming_requests(3), each_turn_read_the_last),
    ),
    Case(
        "prompt-caching/too_short_to_cache.py",
        "text",
        check=all_of(sent_streaming_requests(2), cached_nothing),
    ),
]
