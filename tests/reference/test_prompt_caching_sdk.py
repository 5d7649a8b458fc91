"""The prompt caching page's statements about the SDK hold for the installed one: where the
cache figures are (message_start's usage with its breakdown by lifetime, message_delta's
without one), the lifetimes a marker takes, and the top-level marker on ``stream()``."""

from __future__ import annotations

import inspect
import typing

from anthropic.resources.messages import Messages
from anthropic.types import CacheControlEphemeralParam, CacheCreation, MessageDeltaUsage, Usage

CACHE_COUNTS = {"cache_creation_input_tokens", "cache_read_input_tokens", "input_tokens"}


def test_message_start_usage_has_the_counts_and_the_breakdown_by_lifetime() -> None:
    assert CACHE_COUNTS | {"cache_creation"} <= set(Usage.model_fields)
    assert set(CacheCreation.model_fields) == {
        "ephemeral_5m_input_tokens",
        "ephemeral_1h_input_tokens",
    }


def test_message_delta_usage_has_the_counts_but_no_breakdown() -> None:
    assert set(MessageDeltaUsage.model_fields) >= CACHE_COUNTS
    assert "cache_creation" not in MessageDeltaUsage.model_fields


def test_a_marker_lives_5_minutes_or_an_hour() -> None:
    ttl = typing.get_type_hints(CacheControlEphemeralParam)["ttl"]
    assert set(typing.get_args(ttl)) == {"5m", "1h"}


def test_stream_takes_a_top_level_marker() -> None:
    assert "cache_control" in inspect.signature(Messages.stream).parameters
