"""The SSE parser on the "without the SDK" page handles every framing the standard allows.

Each rule of the HTML standard's event-stream parsing is checked on its own, and Hypothesis
checks the whole: any events, written with any of the three line endings, cut into chunks at
any points (inside a CRLF, inside a UTF-8 character, inside the byte order mark), parse to the
same events as the stream fed whole.
"""

from __future__ import annotations

import itertools
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.modules import load_module
from tests.support.paths import SNIPPETS


def _load_parser() -> ModuleType:
    path = SNIPPETS / "without-sdk" / "sse_parser.py"
    return load_module(path, "sse_parser_under_test")


sse_parser = _load_parser()
Event = sse_parser.ServerSentEvent


def parse(data: bytes, chunk_size: int | None = None) -> list:
    size = chunk_size or max(len(data), 1)
    return list(sse_parser.parse(data[i : i + size] for i in range(0, len(data), size)))


def parse_split_at(data: bytes, cuts: list[int]) -> list:
    bounds = [0, *sorted(set(cuts)), len(data)]
    return list(sse_parser.parse(data[a:b] for a, b in itertools.pairwise(bounds)))


MESSAGE_START = b'event: message_start\ndata: {"type": "message_start"}\n\n'


def test_lf_line_endings() -> None:
    assert parse(MESSAGE_START) == [Event("message_start", '{"type": "message_start"}')]


def test_crlf_line_endings() -> None:
    data = MESSAGE_START.replace(b"\n", b"\r\n")
    assert parse(data) == [Event("message_start", '{"type": "message_start"}')]


def test_bare_cr_line_endings() -> None:
    data = MESSAGE_START.replace(b"\n", b"\r")
    assert parse(data) == [Event("message_start", '{"type": "message_start"}')]


def test_mixed_line_endings_in_one_stream() -> None:
    data = b"event: a\r\ndata: 1\r\rdata: 2\n\r\n"
    assert parse(data) == [Event("a", "1"), Event("message", "2")]


def test_one_byte_chunks() -> None:
    data = (MESSAGE_START * 3).replace(b"\n", b"\r\n")
    assert parse(data, chunk_size=1) == [Event("message_start", '{"type": "message_start"}')] * 3


def test_crlf_split_between_chunks_is_one_line_break() -> None:
    assert parse_split_at(b"data: a\r\ndata: b\r\n\r\n", [8]) == [Event("message", "a\nb")]
    assert parse_split_at(b"data: a\r\n\r\ndata: b\r\n\r\n", [10]) == [
        Event("message", "a"),
        Event("message", "b"),
    ]


def test_comment_lines_are_ignored() -> None:
    data = b": keep-alive\nevent: ping\n: another comment\ndata: {}\n\n:\n\n"
    assert parse(data) == [Event("ping", "{}")]


def test_multi_line_data_is_joined_with_newlines() -> None:
    assert parse(b"data: first\ndata: second\ndata:\ndata: third\n\n") == [
        Event("message", "first\nsecond\n\nthird")
    ]


def test_an_unterminated_last_event_is_discarded() -> None:
    data = MESSAGE_START + b"event: message_stop\ndata: {}\n"
    assert parse(data) == [Event("message_start", '{"type": "message_start"}')]
    assert parse(MESSAGE_START + b"data: no line break at all") == parse(MESSAGE_START)


def test_a_utf8_character_split_across_chunks() -> None:
    data = "data: 18 °C, 東京 🌧\n\n".encode()
    for cut in range(len(data)):
        assert parse_split_at(data, [cut]) == [Event("message", "18 °C, 東京 🌧")], cut


def test_a_leading_byte_order_mark_is_skipped_even_when_split() -> None:
    data = "\ufeffevent: e\ndata: x\n\n".encode()
    assert parse(data) == [Event("e", "x")]
    assert parse(data, chunk_size=1) == [Event("e", "x")]


def test_only_a_leading_byte_order_mark_is_skipped() -> None:
    data = "\ufeffdata: a\n\n\ufeffdata: b\n\n".encode()
    # The second BOM starts a line, so that line's field is "\ufeffdata": unknown, ignored.
    assert parse(data) == [Event("message", "a")]


def test_an_event_with_no_data_is_not_dispatched() -> None:
    assert parse(b"event: ping\n\nevent: real\ndata: 1\n\n") == [Event("real", "1")]


def test_an_empty_data_line_is_an_event_with_empty_data() -> None:
    assert parse(b"data:\n\n") == [Event("message", "")]
    assert parse(b"data\n\n") == [Event("message", "")]


def test_data_without_a_space_after_the_colon() -> None:
    assert parse(b"event:e\ndata:x\n\n") == [Event("e", "x")]
    assert parse(b"data:  two spaces\n\n") == [Event("message", " two spaces")]


def test_an_event_with_no_event_line_is_a_message() -> None:
    assert parse(b"data: x\n\n") == [Event("message", "x")]


def test_event_type_does_not_leak_into_the_next_event() -> None:
    assert parse(b"event: a\ndata: 1\n\ndata: 2\n\n") == [Event("a", "1"), Event("message", "2")]


def test_id_is_kept_and_unknown_fields_ignored() -> None:
    data = b"id: 7\nretry: 100\nfoo: bar\ndata: x\n\ndata: y\n\nid: a\0b\ndata: z\n\n"
    expected = [Event("message", "x", "7"), Event("message", "y", "7")]
    expected.append(Event("message", "z", "7"))  # an id holding NUL is ignored
    assert parse(data) == expected


# -- properties ---------------------------------------------------------------------------

LINE_TEXT = st.text(st.characters(exclude_characters="\r\n", exclude_categories=["Cs"]))
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def streams(draw: st.DrawFn) -> tuple[bytes, list]:
    """Events encoded with random line endings (and comments, BOM), and what they mean."""
    parts, expected = ["\ufeff"] if draw(st.booleans()) else [], []

    def line(content: str) -> None:
        newline = draw(NEWLINES)
        if newline == "\n" and parts and parts[-1].endswith("\r") and not content:
            newline = "\r\n"  # CR then LF would be one CRLF line break, not two
        parts.append(content + newline)

    for _ in range(draw(st.integers(0, 5))):
        name = draw(st.none() | LINE_TEXT)
        data_lines = draw(st.lists(LINE_TEXT, max_size=4))
        if name is not None:
            line(f"event: {name}")
        if draw(st.booleans()):
            line(f": {draw(LINE_TEXT)}")
        for data in data_lines:
            line(f"data: {data}")
        line("")
        if data_lines:
            expected.append(Event(name or "message", "\n".join(data_lines)))
    return "".join(parts).encode(), expected


@given(streams(), st.lists(st.integers(0, 400), max_size=30))
@settings(max_examples=300, deadline=None)
def test_any_events_cut_anywhere_parse_the_same(stream: tuple[bytes, list], cuts: list[int]):
    data, expected = stream
    assert parse(data) == expected
    assert parse_split_at(data, [c for c in cuts if c <= len(data)]) == expected


@given(streams())
@settings(max_examples=100, deadline=None)
def test_any_events_fed_one_byte_at_a_time(stream: tuple[bytes, list]) -> None:
    data, expected = stream
    assert parse(data, chunk_size=1) == expected
