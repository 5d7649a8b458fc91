"""What reading a stream costs the client: CPU time per reply and events per second.

The stand-in runs unpaced in its own process, so ``time.process_time()`` taken around the
client code counts only this process's work: the SDK (or the plain parser), httpx2 and the
socket reads. Each repeat reads a batch of replies and keeps the mean per reply; the CPU time
per event is the slope between short and long replies, which leaves out the fixed cost of a
request (building it, headers, connection pool).
"""

from __future__ import annotations

import gc
import time
from typing import Any

from . import clients
from .clients import Clients, Consumer
from .latency import expected_text
from .remote import RemoteStandIn
from .stats import summarise

CONSUMERS: dict[str, tuple[str, Consumer]] = {
    "stream_helper": ("SDK messages.stream(), text_stream", clients.stream_helper),
    "create_stream": ("SDK messages.create(stream=True)", clients.create_stream),
    "no_sdk": ("No SDK: httpx2 + SSE line parser", clients.no_sdk),
    "bytes_only": ("httpx2, bytes read, nothing parsed", clients.bytes_only),
    "non_streaming": ("SDK messages.create(), not streamed", clients.non_streaming),
}
STREAMING = ("stream_helper", "create_stream", "no_sdk", "bytes_only")


def batch_size(tokens: int, quick: bool) -> int:
    """Enough replies per repeat that one reading is tens of milliseconds, not a few."""
    if quick:
        return 1
    return max(2, 2000 // (tokens + 6))


def _one_batch(consume: Consumer, c: Clients, tokens: int, count: int) -> tuple[float, float]:
    """Mean (CPU seconds, wall seconds) per reply over ``count`` replies."""
    gc.collect()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(count):
        consume(c, tokens)
    return (time.process_time() - cpu0) / count, (time.perf_counter() - wall0) / count


def measure(
    api: RemoteStandIn, sizes: dict[str, int], repeats: int, quick: bool = False
) -> dict[str, Any]:
    c = Clients.open(api.url)
    try:
        events = {}
        for tokens in sizes.values():
            api.play(tokens)
            events[tokens] = clients.count_events(c, tokens)
            for name, (_, consume) in CONSUMERS.items():  # warm-up and a correctness check
                text = consume(c, tokens)
                if name != "bytes_only" and text != expected_text(tokens):
                    raise RuntimeError(f"{name} lost part of a {tokens}-token reply")
        # The imports and the clients are never garbage: frozen, each batch's collection walks
        # only what was allocated since (with the SDK loaded, a full walk of ~150k objects cost
        # 0.09 CPU-s, 75 times a run), and each batch still starts from a collected heap.
        gc.collect()
        gc.freeze()
        cpu: dict[tuple[str, str], list[float]] = {}
        wall: dict[tuple[str, str], list[float]] = {}
        for repeat in range(repeats):
            for size, tokens in sizes.items():
                api.play(tokens)
                names = list(CONSUMERS)
                for name in names if repeat % 2 == 0 else names[::-1]:
                    count = batch_size(tokens, quick)
                    spent, took = _one_batch(CONSUMERS[name][1], c, tokens, count)
                    cpu.setdefault((name, size), []).append(spent)
                    wall.setdefault((name, size), []).append(took)
    finally:
        gc.unfreeze()
        c.close()
    batches = {size: batch_size(tokens, quick) for size, tokens in sizes.items()}
    return _summary(sizes, events, cpu, wall, batches)


def _summary(
    sizes: dict[str, int],
    events: dict[int, int],
    cpu: dict[tuple[str, str], list[float]],
    wall: dict[tuple[str, str], list[float]],
    batches: dict[str, int],
) -> dict[str, Any]:
    smallest = min(sizes, key=sizes.__getitem__)
    largest = max(sizes, key=sizes.__getitem__)
    span = events[sizes[largest]] - events[sizes[smallest]]
    rows = []
    for name, (label, _) in CONSUMERS.items():
        row: dict[str, Any] = {"client": name, "label": label, "by_size": {}}
        for size, tokens in sizes.items():
            cpu_ms = [x * 1000 for x in cpu[(name, size)]]
            wall_ms = [x * 1000 for x in wall[(name, size)]]
            entry = {
                "tokens": tokens,
                "events": events[tokens],
                "cpu_ms_per_reply": summarise(cpu_ms, 4),
                "wall_ms_per_reply": summarise(wall_ms, 4),
            }
            if name in STREAMING:
                entry["events_per_second"] = summarise(
                    [events[tokens] / (w / 1000) for w in wall_ms], 0
                )
            row["by_size"][size] = entry
        if name in STREAMING:
            per_event = [
                (long - short) / span * 1e6
                for long, short in zip(cpu[(name, largest)], cpu[(name, smallest)], strict=True)
            ]
            row["cpu_us_per_event"] = summarise(per_event, 2)
        rows.append(row)
    overhead = [
        (s - n) * 1000
        for s, n in zip(
            cpu[("stream_helper", smallest)], cpu[("non_streaming", smallest)], strict=True
        )
    ]
    return {
        "no_sdk_parser": clients.PARSER_NAME,
        "replies_per_reading": batches,
        "clients": rows,
        "short_reply_streaming_overhead_cpu_ms": summarise(overhead, 4),
        "short_size": smallest,
        "long_size": largest,
    }
