"""The connection under one reply: chunked writes, and noticing a client that leaves.

A test proves an example closed its connection by the stand-in seeing it go, so every write
and every wait here turns a vanished peer into ``ClientGoneError``.
"""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO


class ClientGoneError(Exception):
    """The client closed the connection (or the server is stopping)."""


@dataclass
class Line:
    wfile: BinaryIO
    sock: socket.socket
    # Whether the server is stopping: a wait ends then as if the client had left.
    stopping: Callable[[], bool]

    def write_chunk(self, data: bytes) -> None:
        """One chunk of chunked transfer encoding (the empty one ends the body)."""
        try:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError) as exc:
            raise ClientGoneError from exc

    def peer_closed(self) -> bool:
        try:
            readable, _, _ = select.select([self.sock], [], [], 0)
            if not readable:
                return False
            return self.sock.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def wait(self, seconds: float) -> None:
        """Sleep, but notice a client that leaves (or a server that stops) meanwhile."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self.stopping() or self.peer_closed():
                raise ClientGoneError
            time.sleep(min(left, 0.02))

    def hang_up(self) -> None:
        """Shut the connection at once, as a dropped or stalled stream ends."""
        self.sock.shutdown(socket.SHUT_RDWR)
