"""Troubleshooting: each symptom on the page is what its reproducer printed under its fault."""

from __future__ import annotations

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import (
    all_of,
    answered,
    named_the_stop_reason,
    raised,
    sent_streaming_requests,
)
from tests.examples.harness.runner import Run
from tests.support.paths import SNIPPETS


def sent_without_stream(run: Run, api: StandIn) -> None:
    (request,) = api.message_requests
    assert "stream" not in request.body
    assert run.stdout.startswith('{"id"')


def whole_haiku(run: Run, api: StandIn) -> None:
    """The whole reply was printed (the haiku, or whatever text a varied reply carried)."""
    sent_streaming_requests(1)(run, api)
    (request,) = api.message_requests
    assert request.text and request.text in run.stdout


def incomplete_without_error(run: Run, api: StandIn) -> None:
    """A clean early end raises nothing: only the missing stop_reason tells."""
    assert run.stderr == "", "a clean early end raises nothing"
    assert run.stdout == "Rivers carry light\n[stop_reason: None]\n"
    assert not api.completed


NEW_KEY = "sk-ant-fake-new-key-kept-in-the-environment"


def key_from_the_environment(run: Run, api: StandIn) -> None:
    """The program sent the key it found in ANTHROPIC_API_KEY, and its code holds no key."""
    whole_haiku(run, api)
    (request,) = api.message_requests
    assert request.headers.get("authorization") == f"Bearer {NEW_KEY}"
    assert "sk-ant-" not in (SNIPPETS / PLAIN).read_text(encoding="utf-8")


PLAIN = "troubleshooting/plain_stream.py"
NAIVE = "the naive parser is the mistake this entry shows: it breaks when chunks split lines"
FAILS = {"exit_code": 1, "capture": "stdout+error"}

CASES = [
    Case("troubleshooting/not_streaming.sh", "text", check=sent_without_stream),
    # The plain program under each fault: the error line a reader sees.
    Case(
        PLAIN,
        "dropped_mid_stream",
        **FAILS,
        check=raised("httpx2.RemoteProtocolError"),
    ),
    Case(
        PLAIN,
        "overloaded_mid_stream",
        **FAILS,
        check=raised("anthropic.APIStatusError"),
    ),
    Case(PLAIN, "ended_early", check=incomplete_without_error),
    Case(PLAIN, "refusal", check=named_the_stop_reason),
    Case(
        PLAIN,
        "status_429",
        **FAILS,
        check=all_of(raised("anthropic.RateLimitError"), answered(429, 429, 429)),
    ),
    Case(
        PLAIN,
        "status_403",
        **FAILS,
        check=raised("anthropic.PermissionDeniedError"),
    ),
    Case(
        PLAIN,
        "status_401",
        **FAILS,
        check=raised("anthropic.AuthenticationError"),
    ),
    Case(
        PLAIN,
        "text",
        env={"ANTHROPIC_API_KEY": NEW_KEY},
        check=key_from_the_environment,
    ),
    Case(
        PLAIN,
        "delta_before_start",
        **FAILS,
        check=raised("IndexError"),
    ),
    # The SDK's parser copes with CRLF line endings split into 1-byte chunks.
    Case(PLAIN, "framed_crlf_one_byte", check=whole_haiku),
    Case(
        "troubleshooting/float_timeout.py",
        "stalled",
        env={"CLIENT_TIMEOUT_SECONDS": "0.5"},
        **FAILS,
        check=raised("httpx2.ReadTimeout"),
    ),
    Case("troubleshooting/naive_sse_parser.py", "text", check=whole_haiku, one_shape=NAIVE),
    Case(
        "troubleshooting/naive_sse_parser.py",
        "framed_crlf_one_byte",
        one_shape=NAIVE,
    ),
    Case("troubleshooting/blocks_by_index.py", "delta_before_start", check=whole_haiku),
    Case("troubleshooting/blocks_by_index.py", "refusal", check=named_the_stop_reason),
    Case(
        "troubleshooting/create_then_text_stream.py",
        "text",
        **FAILS,
        check=raised("AttributeError"),
    ),
    Case("troubleshooting/event_loop_error.py", "text", **FAILS, check=raised("RuntimeError")),
    Case("troubleshooting/event_dispatch.py", "unknown_event", **FAILS, check=raised("KeyError")),
]
