"""Response headers the Messages API sends besides the body, which clients may read.

Rate-limit headers (``anthropic-ratelimit-*``) come on every answer, per the API's rate-limits
page (docs: api/rate-limits#response-headers): for requests, tokens, input and output tokens,
a limit, what remains and when it resets (RFC 3339). ``x-should-retry`` is seen on the real
service's 429 answers (anthropic-sdk-typescript#357 shows a recorded set) and is read by the
SDK before the status when it decides to retry (``_base_client.py``, ``_should_retry``).
"""

from __future__ import annotations

import time

LIMITS = {
    "requests": 4_000,
    "tokens": 2_000_000,
    "input-tokens": 2_000_000,
    "output-tokens": 400_000,
}
RETRYABLE = frozenset({429, 500, 529})


def rate_limits(served: int, now: float | None = None) -> list[tuple[str, str]]:
    """The ``anthropic-ratelimit-*`` family after ``served`` requests this minute."""
    moment = time.time() if now is None else now
    reset = time.strftime("%Y-%m-%dT%H:%M:00Z", time.gmtime(moment + 60))
    headers = []
    for kind, limit in LIMITS.items():
        used = served if kind == "requests" else served * 100
        headers += [
            (f"anthropic-ratelimit-{kind}-limit", str(limit)),
            (f"anthropic-ratelimit-{kind}-remaining", str(max(limit - used, 0))),
            (f"anthropic-ratelimit-{kind}-reset", reset),
        ]
    return headers


def retry_hint(status: int) -> list[tuple[str, str]]:
    """``x-should-retry: true`` where the service says a retry may succeed."""
    return [("x-should-retry", "true")] if status in RETRYABLE else []
