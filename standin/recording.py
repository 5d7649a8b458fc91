"""What the stand-in keeps of each request, so a test can check what a program sent and how
each stream ended (whole, or left by its client)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from . import events


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    status: int = 0
    at: float = field(default_factory=time.monotonic)
    # The id sent in its ``request-id`` header, once it has one (``ids.py``).
    request_id: str = ""
    # The answer planned for it (None for a refusal): what a test compares the output with.
    plan: events.Plan | None = None
    # Why the real API could not have given this answer to this request (``fit.py``).
    mismatches: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text of the reply's text blocks, as far as ``max_tokens`` let it go."""
        if self.plan is None:
            return ""
        return "".join(
            b.final.get("text", "") for b in self.plan.blocks if b.final["type"] == "text"
        )


@dataclass
class Disconnect:
    request_id: str
    events_sent: int
    at: float
