"""Server-Sent Events framing, as the Messages API writes it: ``event:`` then ``data:``, blank line."""

from __future__ import annotations

import json
import random
from typing import Any

# Recorded streams write a ping's data with a space after the colon, unlike other events.
PING = '{"type": "ping"}'


# The service pads some data lines with spaces before the closing brace (as recorded); these short
# events are written that way here, so a client that matches exact strings fails here first.
PADDED = frozenset({"content_block_stop", "message_stop"})


def encode_event(name: str, data: dict[str, Any], newline: str = "\n") -> bytes:
    if data == {"type": "ping"}:
        payload = PING
    else:
        payload = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        if name in PADDED and payload.endswith("}"):
            payload = payload[:-1] + "   }"
    return f"event: {name}{newline}data: {payload}{newline}{newline}".encode()


def split(data: bytes, size: int | None) -> list[bytes]:
    """Cut ``data`` into pieces of ``size`` bytes (one piece when ``size`` is None)."""
    if not size:
        return [data]
    return [data[i : i + size] for i in range(0, len(data), size)]


def split_at_random(data: bytes, rng: random.Random) -> list[bytes]:
    """Cut ``data`` into pieces of random sizes, from 1 byte up to all of it."""
    pieces, start = [], 0
    while start < len(data):
        size = rng.choice((1, 2, 3, rng.randint(1, len(data)), len(data)))
        pieces.append(data[start : start + size])
        start += size
    return pieces
