"""The SDK's side of the errors-and-retries page: the retry policy, timeouts and the long-call
check, read from the installed SDK's own code and constants (no stand-in needed), so the page's
statements fail here when an SDK upgrade changes them."""

from __future__ import annotations

import functools
import socket
import time
from typing import Any

import httpx2
import pytest

from tests.support.settings import FAKE_KEY, MODEL


@functools.cache
def _sdk_client() -> Any:
    """The SDK's default client, made once: the tests only ask it what it decides (nothing here
    changes it), and each new one loaded the CA certificates again (about 20 ms of CPU)."""
    import anthropic

    return anthropic.Anthropic(base_url="http://127.0.0.1:9", api_key=FAKE_KEY)


def _response(status: int, **headers: str) -> httpx2.Response:
    request = httpx2.Request("POST", "http://127.0.0.1:9/v1/messages")
    return httpx2.Response(status, headers=headers, request=request)


def test_sdk_defaults_are_those_the_page_states() -> None:
    from anthropic import _constants

    assert _constants.DEFAULT_MAX_RETRIES == 2
    assert _constants.INITIAL_RETRY_DELAY == 0.5
    assert _constants.MAX_RETRY_DELAY == 8.0
    assert _sdk_client().max_retries == 2


@pytest.mark.parametrize(
    ("status", "retried"),
    [
        *((status, True) for status in (408, 409, 429, 500, 503, 529)),
        *((status, False) for status in (400, 401, 403, 404, 413)),
    ],
)
def test_sdk_retries_exactly_the_statuses_the_page_lists(status: int, retried: bool) -> None:
    client = _sdk_client()
    assert client._should_retry(_response(status)) is retried
    assert client._should_retry(_response(status, **{"x-should-retry": "true"})) is True
    assert client._should_retry(_response(status, **{"x-should-retry": "false"})) is False


def test_sdk_backoff_doubles_from_half_a_second_up_to_eight_with_at_most_25_percent_jitter() -> (
    None
):
    from anthropic._models import FinalRequestOptions

    client = _sdk_client().with_options(max_retries=6)
    options = FinalRequestOptions.construct(method="post", url="/v1/messages")
    for retry, nominal in enumerate([0.5, 1.0, 2.0, 4.0, 8.0, 8.0]):
        waits = [client._calculate_retry_timeout(6 - retry, options, None) for _ in range(200)]
        assert nominal * 0.75 <= min(waits) and max(waits) <= nominal


def test_sdk_prefers_retry_after_ms_then_retry_after_seconds_or_date() -> None:
    from anthropic._models import FinalRequestOptions

    client = _sdk_client()
    options = FinalRequestOptions.construct(method="post", url="/v1/messages")
    both = httpx2.Headers({"retry-after-ms": "250", "retry-after": "2"})
    assert client._calculate_retry_timeout(2, options, both) == 0.25
    assert client._calculate_retry_timeout(2, options, httpx2.Headers({"retry-after": "3"})) == 3.0
    date = email_date(time.time() + 30)
    assert (
        25
        <= client._calculate_retry_timeout(2, options, httpx2.Headers({"retry-after": date}))
        <= 31
    )


def email_date(when: float) -> str:
    import email.utils

    return email.utils.formatdate(when, usegmt=True)


def test_sdk_refuses_a_long_non_streaming_call_before_sending_it() -> None:
    client = _sdk_client()
    message = "Streaming is required for operations that may take longer than 10 minutes"
    with pytest.raises(ValueError, match=message):
        client.messages.create(
            model=MODEL, max_tokens=21_334, messages=[{"role": "user", "content": "x"}]
        )
    # Just under the limit, or with an explicit timeout, the check does not apply (the request
    # then fails only because nothing listens on port 9).
    import anthropic

    for kwargs in ({"max_tokens": 21_333}, {"max_tokens": 64_000, "timeout": 60.0}):
        with pytest.raises(anthropic.APIConnectionError):
            client.with_options(max_retries=0).messages.create(
                model=MODEL, messages=[{"role": "user", "content": "x"}], **kwargs
            )


def test_sdk_timeout_is_httpx2_timeout_and_a_timeout_before_headers_is_api_timeout_error() -> None:
    import anthropic

    assert anthropic.Timeout is httpx2.Timeout
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        client = anthropic.Anthropic(
            base_url=f"http://127.0.0.1:{silent.getsockname()[1]}",
            api_key=FAKE_KEY,
            max_retries=0,
            timeout=anthropic.Timeout(5.0, read=0.2),
        )
        with (
            pytest.raises(anthropic.APITimeoutError),
            client.messages.stream(
                model=MODEL, max_tokens=16, messages=[{"role": "user", "content": "x"}]
            ),
        ):
            pass
