"""What a scenario is: an ordered script of replies, one per request."""

from __future__ import annotations

from dataclasses import dataclass

from ..replies import Reply


@dataclass(frozen=True)
class Scenario:
    """Request *n* gets ``replies[n]``; requests past the end get the last reply again."""

    description: str
    replies: tuple[Reply, ...]

    def reply_for(self, attempt: int) -> Reply:
        return self.replies[min(attempt, len(self.replies) - 1)]
