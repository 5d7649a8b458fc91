"""When things go wrong: HTTP errors before the stream, and streams that break part-way."""

from __future__ import annotations

from dataclasses import replace

from ..replies import Cut, HttpError
from .basic import HAIKU
from .model import Scenario

# message_start, content_block_start, then three text deltas have been sent.
AFTER_SOME_TEXT = 5

RATE_LIMITED = HttpError(
    429,
    "rate_limit_error",
    "Number of request tokens has exceeded your per-minute rate limit",
    headers=(("retry-after", "0"),),
)
OVERLOADED = HttpError(529, "overloaded_error", "Overloaded")
SERVER_ERROR = HttpError(500, "api_error", "Internal server error")

SCENARIOS: dict[str, Scenario] = {
    "rate_limited_then_ok": Scenario(
        "HTTP 429 with retry-after: 0, then a normal stream.", (RATE_LIMITED, HAIKU)
    ),
    "overloaded_then_ok": Scenario("HTTP 529, then a normal stream.", (OVERLOADED, HAIKU)),
    "server_error_then_ok": Scenario("HTTP 500, then a normal stream.", (SERVER_ERROR, HAIKU)),
    "overloaded_always": Scenario("HTTP 529 on every attempt.", (OVERLOADED,)),
    "overloaded_mid_stream": Scenario(
        "A 200 stream that sends some text, then an error event (overloaded_error).",
        (replace(HAIKU, cut=Cut(AFTER_SOME_TEXT, "error")),),
    ),
    "dropped_mid_stream": Scenario(
        "A 200 stream whose connection is closed in the middle of an event.",
        (replace(HAIKU, cut=Cut(AFTER_SOME_TEXT, "drop")),),
    ),
    "ended_early": Scenario(
        "A 200 stream that ends cleanly after some text, with no message_delta or message_stop.",
        (replace(HAIKU, cut=Cut(AFTER_SOME_TEXT, "clean")),),
    ),
    "stalled": Scenario(
        "A 200 stream that sends some text, then nothing for 30 seconds.",
        (replace(HAIKU, cut=Cut(AFTER_SOME_TEXT, "stall", stall_seconds=30.0)),),
    ),
}
