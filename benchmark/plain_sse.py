"""A minimal Server-Sent Events reader over httpx2, with no SDK: the floor of client cost.

Used when the site's own no-SDK parser (``snippets/without-sdk/sse_parser.py``) is not there.
It follows the SSE rules the Messages API needs: ``event:`` and ``data:`` fields, several
``data:`` lines joined by newlines, a blank line ends an event, ``:`` lines are comments.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def events(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Yield ``(event name, data)`` for each complete event in ``lines`` (no line endings)."""
    name = ""
    data: list[str] = []
    for line in lines:
        if not line:
            if data:
                yield name or "message", "\n".join(data)
            name, data = "", []
            continue
        if line.startswith(":"):
            continue
        field, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if field == "event":
            name = value
        elif field == "data":
            data.append(value)
    if data:
        yield name or "message", "\n".join(data)
