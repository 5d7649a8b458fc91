"""Ids shaped like the service's: ``req_011C…`` for a request, ``msg_01…`` for its message.

The real ids are opaque; what a reader sees in a payload or an error should still look like one
(wire.md: every response carries a ``request-id``; the shapes are those of the API's examples).
They are numbered per server and derived from the number, so golden outputs stay stable from run
to run while no two requests of a run share an id.
"""

from __future__ import annotations

import hashlib

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _tail(kind: str, number: int, length: int) -> str:
    digest = hashlib.sha256(f"{kind}:{number}".encode()).digest()
    return "".join(ALPHABET[b % len(ALPHABET)] for b in digest[:length])


def request_id(number: int) -> str:
    """The id of a server's ``number``-th request (``req_011C`` and 20 letters or digits)."""
    return "req_011C" + _tail("req", number, 20)


def message_id(request: str) -> str:
    """The id of the message that answers request ``request`` (``msg_01`` and 22 more)."""
    return "msg_01" + _tail(request, 0, 22)
