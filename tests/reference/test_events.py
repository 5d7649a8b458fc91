"""The stream-events page against the stand-in's wire output and the installed SDK.

The payloads on the page are golden files printed by ``snippets/reference/raw_sse.py`` and, made
readable, by ``pretty_sse.py`` (kept equal to a fresh run by ``test_snippets``). Here those
payloads are parsed with the SDK's own types and accumulator, and every table on the page is
checked against the SDK: an event, delta or block type the SDK adds or drops, or a field the
page names that the SDK lacks, fails.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import anthropic
import pytest
from anthropic._models import construct_type, validate_type
from anthropic.lib.streaming._messages import accumulate_event
from anthropic.types import RawMessageStreamEvent
from anthropic.types.raw_content_block_delta import RawContentBlockDelta
from anthropic.types.raw_content_block_start_event import ContentBlock
from anthropic.types.shared.error_response import ErrorResponse

from standin import StandIn
from tests.reference import markdown, sdk
from tests.reference.sse import WireEvent, lines, parse
from tests.support.paths import ROOT
from tests.support.settings import MODEL

PAGE = "reference/stream-events.md"
GOLDENS = sorted((ROOT / "snippets" / "reference").glob("raw_sse*.out.txt"))
# The same streams made readable by pretty_sse.py: what the page shows.
PRETTY = sorted((ROOT / "snippets" / "reference").glob("pretty_sse.*.out.txt"))
NOT_IN_SDK = {"ping", "error"}
EVENTS = sdk.by_type(RawMessageStreamEvent)
DELTAS = sdk.by_type(RawContentBlockDelta)
BLOCKS = sdk.by_type(ContentBlock)


def _text() -> str:
    return markdown.page(PAGE)


def _wire() -> dict[str, list[WireEvent]]:
    return {path.name: parse(path) for path in GOLDENS}


def _all_events() -> list[WireEvent]:
    return [event for events in _wire().values() for event in events]


def test_the_raw_stream_goldens_exist() -> None:
    assert len(GOLDENS) >= 8, f"expected the raw SSE goldens, found {[p.name for p in GOLDENS]}"


@pytest.mark.parametrize("golden", GOLDENS, ids=[p.name for p in GOLDENS])
def test_every_payload_parses_as_its_sdk_type(golden) -> None:
    for event in parse(golden):
        assert event.data["type"] == event.name, f"line {event.line}: event: and data.type differ"
        if event.name in NOT_IN_SDK or event.name not in EVENTS:
            continue
        parsed = validate_type(type_=RawMessageStreamEvent, value=event.data)
        assert isinstance(parsed, EVENTS[event.name]), f"line {event.line}: {type(parsed)}"
        extra = sdk.unknown_fields(parsed)
        assert not extra, f"line {event.line}: fields the SDK does not know: {extra}"


@pytest.mark.parametrize(
    "golden", [p for p in GOLDENS if "overloaded" not in p.name], ids=lambda p: p.name
)
def test_every_complete_stream_accumulates_with_the_sdk(golden) -> None:
    snapshot = None
    json_bufs: dict[int, bytes] = {}
    for event in parse(golden):
        if event.name in EVENTS:
            snapshot = accumulate_event(
                event=construct_type(type_=RawMessageStreamEvent, value=event.data),
                current_snapshot=snapshot,
                json_bufs=json_bufs,
            )
    assert snapshot is not None
    assert snapshot.stop_reason is not None, "the accumulated message has no stop_reason"
    assert snapshot.content, "the accumulated message has no content"


def test_the_error_event_has_the_error_body_shape() -> None:
    errors = [e for e in _all_events() if e.name == "error"]
    assert errors, "no golden shows an error event"
    for event in errors:
        body = validate_type(type_=ErrorResponse, value=event.data)
        assert body.error.type == "overloaded_error"


def test_the_page_lists_every_event_type_and_no_other() -> None:
    glance = markdown.table(markdown.section(_text(), "At a glance"), "Event")
    listed = [markdown.code_name(cell) for cell in glance.column("Event")]
    headings = [markdown.code_name(h) for h in markdown.sections(_text(), 3)]
    expected = set(EVENTS) | NOT_IN_SDK
    assert set(listed) == expected, f"table lists {sorted(listed)}, expected {sorted(expected)}"
    assert set(headings) == expected, f"sections {sorted(headings)}, expected {sorted(expected)}"


def test_the_sdk_types_named_in_the_overview_are_right() -> None:
    glance = markdown.table(markdown.section(_text(), "At a glance"), "Event")
    for row in glance.records():
        name = markdown.code_name(row["Event"])
        named = markdown.code_names(row["SDK type (`anthropic.types`)"])
        if name in NOT_IN_SDK:
            assert not named, f"{name} is not an SDK type, but the page names {named}"
            continue
        assert named == [EVENTS[name].__name__], f"{name}: page says {named}"
        assert getattr(anthropic.types, named[0]) is EVENTS[name]


def test_what_reaches_your_loop_is_what_the_sdk_yields() -> None:
    """Run the SDK against the stand-in: pings are skipped, an error event is raised."""
    glance = markdown.table(markdown.section(_text(), "At a glance"), "Event")
    reaches = {markdown.code_name(r["Event"]): r["Reaches your loop"] for r in glance.records()}
    with StandIn("text") as api:
        client = anthropic.Anthropic(base_url=api.url, api_key="sk-ant-fake-key", max_retries=0)
        seen = {event.type for event in _raw_stream(client)}
    for name, says in reaches.items():
        if name == "error":
            continue
        assert says.startswith("yes") == (name in seen), f"{name}: page says {says!r}"
    with StandIn("overloaded_mid_stream") as api:
        client = anthropic.Anthropic(base_url=api.url, api_key="sk-ant-fake-key", max_retries=0)
        with pytest.raises(anthropic.APIStatusError) as raised:
            list(_raw_stream(client))
    assert raised.value.status_code == 200
    assert "raises `APIStatusError`" in reaches["error"]


def _raw_stream(client: anthropic.Anthropic) -> Iterator[RawMessageStreamEvent]:
    with client.messages.create(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "hi"}],
        stream=True,
    ) as stream:
        yield from stream


def _event_sections() -> dict[str, str]:
    return {markdown.code_name(h): body for h, body in markdown.sections(_text(), 3).items()}


@pytest.mark.parametrize("name", sorted(set(EVENTS) | NOT_IN_SDK))
def test_each_event_shows_its_own_payload(name: str) -> None:
    """One event, as ``pretty_sse.py`` prints it: its ``event:`` line, then its data as JSON."""
    body = _event_sections()[name]
    ranged = [i for i in markdown.includes(body) if i.start is not None]
    assert len(ranged) == 1, f"{name}: expected one payload included by line range"
    (include,) = ranged
    assert "/pretty_sse." in include.path, f"{name}: {include.path} is not a readable payload"
    shown = lines(include.path, include.start, include.end)
    assert shown[0] == f"event: {name}", f"{name}: the included lines start with {shown[0]!r}"
    data = json.loads("\n".join(shown[1:]))
    assert data["type"] == name, f"{name}: {data!r}"
    assert data in [e.data for e in _all_events() if e.name == name], (
        f"{name}: the payload shown is in no raw stream"
    )


@pytest.mark.parametrize("pretty", PRETTY, ids=[p.name for p in PRETTY])
def test_each_readable_stream_is_its_raw_stream(pretty) -> None:
    """pretty_sse.py's output holds the events of raw_sse.py's for the same request and reply."""
    raw = pretty.with_name(pretty.name.replace("pretty_sse.", "raw_sse.", 1))
    assert raw.is_file(), f"no raw stream {raw.name} beside {pretty.name}"
    blocks = pretty.read_text(encoding="utf-8").strip("\n").split("\n\n")
    shown = []
    for block in blocks:
        name_line, _, data = block.partition("\n")
        assert name_line.startswith("event: "), f"{pretty.name}: {name_line!r}"
        shown.append((name_line.removeprefix("event: "), json.loads(data)))
    assert shown == [(e.name, e.data) for e in parse(raw)], f"{pretty.name} differs from {raw.name}"


@pytest.mark.parametrize("name", sorted(set(EVENTS) | NOT_IN_SDK))
def test_each_field_table_matches_the_sdk_and_the_wire(name: str) -> None:
    fields = [
        markdown.code_name(c)
        for c in markdown.table(_event_sections()[name], "Field").column("Field")
    ]
    payloads = [e.data for e in _all_events() if e.name == name]
    assert payloads, f"no golden shows a {name} event"
    for field in fields:
        if name in EVENTS:
            assert sdk.has_path(EVENTS[name], field), f"{name}: the SDK type has no {field!r}"
        else:
            assert all(_has_key(p, field) for p in payloads), f"{name}: payload has no {field!r}"
    on_the_wire = {path for payload in payloads for path in _paths(payload, depth=2)}
    missing = sorted(p for p in on_the_wire if not _documented(p, fields))
    assert not missing, f"{name}: fields on the wire the table does not document: {missing}"


def _paths(payload: dict[str, Any], depth: int, prefix: str = "") -> list[str]:
    found = []
    for key, value in payload.items():
        found.append(prefix + key)
        if depth > 1 and isinstance(value, dict):
            found += _paths(value, depth - 1, f"{prefix}{key}.")
    return found


def _documented(path: str, fields: list[str]) -> bool:
    """A path is covered by itself, by a documented field inside it, or by the field holding it."""
    return any(f == path or f.startswith(path + ".") or path.startswith(f + ".") for f in fields)


def _has_key(payload: dict[str, Any], dotted: str) -> bool:
    head, _, rest = dotted.partition(".")
    if head not in payload:
        return False
    return not rest or (isinstance(payload[head], dict) and _has_key(payload[head], rest))


def test_the_delta_table_matches_the_sdk() -> None:
    deltas = markdown.table(markdown.section(_text(), "Deltas"), "`delta.type`")
    rows = {markdown.code_name(r["`delta.type`"]): r for r in deltas.records()}
    assert set(rows) == set(DELTAS), f"page: {sorted(rows)}, SDK: {sorted(DELTAS)}"
    for name, row in rows.items():
        model = DELTAS[name]
        assert markdown.code_names(row["SDK class (`anthropic.types`)"]) == [model.__name__]
        fields = set(markdown.code_names(row["Fields besides `type`"]))
        assert fields == sdk.data_fields(model), f"{name}: page {fields}, SDK {model.model_fields}"
        for block in markdown.code_names(row["Extends a block of type"]):
            assert block in BLOCKS, f"{name}: no block type {block!r} in the SDK"


def test_every_delta_type_is_shown_on_the_wire() -> None:
    shown = {e.data["delta"]["type"] for e in _all_events() if e.name == "content_block_delta"}
    assert shown == set(DELTAS), f"goldens show {sorted(shown)}, the SDK has {sorted(DELTAS)}"


def test_the_content_block_table_matches_the_sdk_and_the_wire() -> None:
    body = markdown.section(_text(), "Content blocks")
    table = markdown.table(body, "`content_block.type`")
    rows = {markdown.code_name(r["`content_block.type`"]): r for r in table.records()}
    shown = {
        e.data["content_block"]["type"] for e in _all_events() if e.name == "content_block_start"
    }
    for name, row in rows.items():
        assert name in BLOCKS, f"{name} is not a content block type of the installed SDK"
        assert markdown.code_names(row["SDK class (`anthropic.types`)"]) == [BLOCKS[name].__name__]
        assert name in shown, f"no golden shows a {name} block"
        for delta in markdown.code_names(row["Filled by"]):
            assert delta in DELTAS, f"{name}: {delta!r} is not a delta type"
    others = body.split("knows these other block types too", 1)[1].split("\n\n", 1)[0]
    assert set(markdown.code_names(others)) == set(BLOCKS) - set(rows), (
        "the list of other block types differs from the SDK's ContentBlock union"
    )
