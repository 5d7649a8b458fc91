"""Errors and retries: what the SDK retries by itself, and a safe retry for broken streams."""

from __future__ import annotations

from standin import StandIn
from standin.scenarios import contents
from tests.examples.harness.case import Case, Check
from tests.examples.harness.checks import (
    DISCONNECT_WAIT,
    answered,
    made_no_request,
    named_the_stop_reason,
    streamed,
)
from tests.examples.harness.runner import Run

HAIKU_TEXT = contents.HAIKU.blocks[0].text


def retried_after(low: float, high: float, *expected: int) -> Check:
    """The SDK waited between ``low`` and ``high`` seconds before its one retry, and said so
    in the ``x-stainless-retry-count`` header of each attempt. ``high`` leaves room for a
    loaded machine; it only has to rule out the longer wait the SDK must not have used."""

    def check(run: Run, api: StandIn) -> None:
        streamed(*expected)(run, api)
        first, second = api.message_requests
        assert low <= second.at - first.at <= high, f"retried after {second.at - first.at:.3f}s"
        assert [
            first.headers["x-stainless-retry-count"],
            second.headers["x-stainless-retry-count"],
        ] == [
            "0",
            "1",
        ]

    return check


def committed_the_whole_reply(*expected: int) -> Check:
    def check(run: Run, api: StandIn) -> None:
        streamed(*expected)(run, api)
        assert api.wait_for_completion(DISCONNECT_WAIT), "no attempt was read to the end"
        assert run.stdout.endswith(f"[complete: {len(HAIKU_TEXT)} characters committed]\n")
        last_attempt = run.stdout.rsplit("starting again]\n", 1)[-1]
        assert last_attempt.startswith(HAIKU_TEXT)

    return check


SDK_RETRIES = "errors-and-retries/sdk_retries.py"
CLASSIFY = "errors-and-retries/classify_failure.py"
RETRY = "errors-and-retries/retry_stream.py"

CASES = [
    # retry-after-ms (0.25 s) wins over retry-after (2 s).
    Case(SDK_RETRIES, "rate_limited_wait_then_ok", check=retried_after(0.25, 1.9, 429, 200)),
    Case(
        SDK_RETRIES,
        "rate_limited_wait_seconds_then_ok",
        check=retried_after(1.0, 3.0, 429, 200),
    ),
    # No retry-after: the first backoff is 0.5 s less up to 25 % jitter.
    Case(
        SDK_RETRIES,
        "overloaded_then_ok",
        check=retried_after(0.37, 1.5, 529, 200),
    ),
    Case(
        SDK_RETRIES,
        "server_error_then_ok",
        check=retried_after(0.37, 1.5, 500, 200),
    ),
    Case("errors-and-retries/fail_fast.py", "overloaded_then_ok", exit_code=1, check=streamed(529)),
    Case(CLASSIFY, "overloaded_mid_stream", exit_code=1, check=streamed(200)),
    # No failure, but no answer either: a refusal is named, not printed as an empty line.
    Case(CLASSIFY, "refusal", check=named_the_stop_reason),
    Case(CLASSIFY, "dropped_mid_stream", exit_code=1, check=streamed(200)),
    Case(
        CLASSIFY,
        "status_529",
        exit_code=1,
        check=streamed(529, 529, 529),
    ),
    Case(
        CLASSIFY,
        "status_500",
        exit_code=1,
        check=streamed(500, 500, 500),
    ),
    Case(
        CLASSIFY,
        None,
        variant="unreachable",
        env={"ANTHROPIC_BASE_URL": "http://127.0.0.1:9"},
        exit_code=1,
        check=made_no_request,
    ),
    Case(
        RETRY,
        "overloaded_mid_stream",
        exit_code=1,
        check=streamed(200, 200, 200),
    ),
    # Not retryable: one request, and no claim of three attempts.
    Case(RETRY, "status_400", exit_code=1, check=answered(400)),
    Case(
        RETRY,
        "overloaded_mid_stream_then_ok",
        check=committed_the_whole_reply(200, 200),
    ),
    Case(
        RETRY,
        "dropped_mid_stream_then_ok",
        check=committed_the_whole_reply(200, 200),
    ),
]
