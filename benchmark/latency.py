"""Time to first text and time to the whole reply, streaming against not streaming.

The stand-in is paced like a model (a wait before the first token, then a steady rate), and
a non-streaming request waits, as the real service does, until the whole reply is generated.
Streaming and non-streaming requests alternate within each repeat so that a slow moment of
the machine hits both.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from .clients import MODEL, Clients, budget, prompt
from .remote import RemoteStandIn
from .serve import chunk
from .stats import summarise


@dataclass(frozen=True)
class Pacing:
    ttft_ms: float
    tokens_per_second: float

    @property
    def first_event_delay(self) -> float:
        return self.ttft_ms / 1000

    @property
    def event_delay(self) -> float:
        return 1 / self.tokens_per_second

    def paced_first_text(self) -> float:
        """When the stand-in sends the first text delta: message_start, the block's start,
        then the delta, each event after the first one gap later."""
        return self.first_event_delay + 2 * self.event_delay

    def paced_complete(self, tokens: int) -> float:
        """When it sends ``message_stop``: tokens + 5 events (start, block start, block stop,
        message_delta, message_stop), gaps between them."""
        return self.first_event_delay + (tokens + 4) * self.event_delay


def expected_text(tokens: int) -> str:
    return "".join(chunk(i) for i in range(tokens))


def streamed(c: Clients, tokens: int) -> tuple[float, float]:
    """(seconds to the first text, seconds to the end) with ``messages.stream().text_stream``."""
    parts: list[str] = []
    first = 0.0
    start = time.perf_counter()
    with c.sdk.messages.stream(
        model=MODEL, max_tokens=budget(tokens), messages=prompt(tokens)
    ) as stream:
        for text in stream.text_stream:
            if not parts:
                first = time.perf_counter() - start
            parts.append(text)
    complete = time.perf_counter() - start
    _check("".join(parts), tokens)
    return first, complete


def whole(c: Clients, tokens: int) -> tuple[float, float]:
    """The same with ``messages.create()``: the first text arrives with the last."""
    start = time.perf_counter()
    message = c.sdk.messages.create(model=MODEL, max_tokens=budget(tokens), messages=prompt(tokens))
    complete = time.perf_counter() - start
    _check("".join(b.text for b in message.content if b.type == "text"), tokens)
    return complete, complete


def _check(text: str, tokens: int) -> None:
    if text != expected_text(tokens):
        raise RuntimeError(f"the reply of {tokens} tokens did not arrive whole")


def measure(
    api: RemoteStandIn, sizes: dict[str, int], pacing: Pacing, repeats: int
) -> dict[str, Any]:
    clients = Clients.open(api.url)
    try:
        api.play(3)
        streamed(clients, 3)  # warm the connection pool and the SDK's lazy imports
        whole(clients, 3)
        rows = []
        for size, tokens in sizes.items():
            api.play(tokens, pacing.first_event_delay, pacing.event_delay)
            runs: dict[str, list[tuple[float, float]]] = {"streaming": [], "non-streaming": []}
            for repeat in range(repeats):
                order = [("streaming", streamed), ("non-streaming", whole)]
                for mode, run in order if repeat % 2 == 0 else order[::-1]:
                    runs[mode].append(run(clients, tokens))
            pairs = list(zip(runs["streaming"], runs["non-streaming"], strict=True))
            ratios = [w[0] / s[0] for s, w in pairs]
            gains = [(w[0] - s[0]) * 1000 for s, w in pairs]
            for mode, results in runs.items():
                rows.append(
                    {
                        "size": size,
                        "tokens": tokens,
                        "mode": mode,
                        "first_text_s": summarise([r[0] for r in results]),
                        "complete_s": summarise([r[1] for r in results]),
                    }
                )
            rows.append(
                {
                    "size": size,
                    "tokens": tokens,
                    "ratio": summarise(ratios, 3),
                    "gain_ms": summarise(gains, 2),
                }
            )
    finally:
        clients.close()
    return {
        "sizes": sizes,
        "paced_first_text_s": round(pacing.paced_first_text(), 6),
        "paced_complete_s": {s: round(pacing.paced_complete(t), 6) for s, t in sizes.items()},
        "runs": [r for r in rows if "mode" in r],
        "first_text_ratio": {r["size"]: r["ratio"] for r in rows if "ratio" in r},
        "first_text_gain_ms": {r["size"]: r["gain_ms"] for r in rows if "gain_ms" in r},
    }
