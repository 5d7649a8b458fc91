"""A small Server-Sent Events parser, to the HTML standard's rules: feed it
bytes in chunks of any size; it returns the events each chunk completes."""

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class ServerSentEvent:
    event: str  # "message" when the event had no `event:` line
    data: str
    id: str = ""


class SSEParser:
    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._buffer = ""  # text not yet ended by a line break
        self._started = False  # whether the byte order mark check is done
        # a CR ended the last chunk: a LF next is part of it
        self._last_was_cr = False
        self._event = ""
        self._data: list[str] = []
        self._last_id = ""

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Add bytes; return the events they complete, in order."""
        text = self._decoder.decode(chunk)
        if not self._started and text:
            self._started = True
            text = text.removeprefix("\ufeff")
        if text:
            if self._last_was_cr and text.startswith("\n"):
                # the LF of a CRLF whose CR ended the last chunk
                text = text[1:]
            self._last_was_cr = text.endswith("\r")
        self._buffer += text
        events = []
        lines = (
            self._buffer.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        )
        self._buffer = lines.pop()  # the last piece has no line break yet
        for line in lines:
            event = self._line(line)
            if event is not None:
                events.append(event)
        return events

    def _line(self, line: str) -> ServerSentEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None  # a comment, often used as a keep-alive
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        elif name == "id" and "\0" not in value:
            self._last_id = value
        # `retry` and unknown fields do not matter to a client of the Messages
        # API.
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        event, data = self._event or "message", self._data
        self._event, self._data = "", []
        if not data:
            return None
        return ServerSentEvent(
            event=event, data="\n".join(data), id=self._last_id
        )


def parse(chunks: Iterable[bytes]) -> Iterator[ServerSentEvent]:
    """Every complete event in a stream of byte chunks."""
    parser = SSEParser()
    for chunk in chunks:
        yield from parser.feed(chunk)


if __name__ == "__main__":
    sample = (
        b'event: ping\r\ndata: {"type": "ping"}\r\n\r\n: '
        b"a comment\ndata:one\ndata: two\n\n"
    )
    for one_byte_at_a_time in parse(
        sample[i : i + 1] for i in range(len(sample))
    ):
        print(one_byte_at_a_time)
