"""The SDK-helpers page against the installed ``MessageStream`` classes and helper events.

Every public member of ``MessageStream`` and ``AsyncMessageStream`` must be documented, and
nothing else; every helper event's class and fields must match the SDK; and each helper event
must appear in the output the page shows (produced by running ``helper_events.py``).
"""

from __future__ import annotations

import anthropic.lib.streaming as streaming
import pytest
from anthropic.lib.streaming import AsyncMessageStream, MessageStream
from anthropic.lib.streaming._types import ParsedMessageStreamEvent
from anthropic.types import RawMessageStreamEvent

from tests.reference import markdown, sdk
from tests.support.paths import ROOT

PAGE = "reference/sdk-helpers.md"
HELPER_EVENTS = sdk.by_type(ParsedMessageStreamEvent)
RAW_EVENTS = sdk.by_type(RawMessageStreamEvent)
OUTPUTS = sorted((ROOT / "snippets" / "reference").glob("helper_events*.out.txt"))


def public_members(cls: type) -> set[str]:
    """Attributes and methods a reader can use: public names, annotated ones included."""
    names = {n for n in dir(cls) if not n.startswith("_")}
    for klass in cls.__mro__:
        names |= {n for n in getattr(klass, "__annotations__", {}) if not n.startswith("_")}
    return names


def _members_table() -> markdown.Table:
    body = markdown.section(markdown.page(PAGE), "`MessageStream` and `AsyncMessageStream`")
    return markdown.table(body, "Member")


def _events_table() -> markdown.Table:
    return markdown.table(markdown.section(markdown.page(PAGE), "Helper events"), "`event.type`")


@pytest.mark.parametrize("cls", [MessageStream, AsyncMessageStream], ids=lambda c: c.__name__)
def test_the_member_table_is_exactly_the_public_members(cls: type) -> None:
    documented = {markdown.code_name(c) for c in _members_table().column("Member")}
    actual = public_members(cls)
    assert not documented - actual, f"documented but not on {cls.__name__}: {documented - actual}"
    assert not actual - documented, f"on {cls.__name__} but not documented: {actual - documented}"


def test_the_kind_column_says_what_each_member_is() -> None:
    for row in _members_table().records():
        name = markdown.code_name(row["Member"])
        attribute = getattr(MessageStream, name, None)
        if row["Kind"] == "property":
            assert isinstance(attribute, property), f"{name} is not a property"
        elif row["Kind"] == "method":
            assert callable(attribute) and not isinstance(attribute, property), (
                f"{name}: not a method"
            )
        else:
            assert row["Kind"] == "iterator" and name in MessageStream.__annotations__, name


def _importable() -> set[str]:
    """The classes the section says can be imported from ``anthropic.lib.streaming``."""
    body = markdown.section(markdown.page(PAGE), "Helper events")
    said = " ".join(body.split()).split("Importable from `anthropic.lib.streaming`:", 1)[1]
    return set(markdown.code_names(said.split(".", 1)[0]))


def test_the_helper_event_table_matches_the_sdk() -> None:
    rows = {markdown.code_name(r["`event.type`"]): r for r in _events_table().records()}
    added = set(HELPER_EVENTS) - set(RAW_EVENTS)
    replaced = {n for n in RAW_EVENTS if HELPER_EVENTS[n] is not RAW_EVENTS[n]}
    assert set(rows) == added | replaced, f"page: {sorted(rows)}; SDK: {sorted(added | replaced)}"
    for name, row in rows.items():
        model = HELPER_EVENTS[name]
        assert markdown.code_name(row["Class"]) == model.__name__.split("[")[0], name
        exported = getattr(streaming, model.__name__.split("[")[0], None) is not None
        listed = model.__name__.split("[")[0] in _importable()
        assert listed == exported, f"{name}: importable {exported}, the page says {listed}"
        fields = set(markdown.code_names(row["Fields besides `type`"]))
        assert fields == sdk.data_fields(model), (
            f"{name}: page {fields}, SDK {sdk.data_fields(model)}"
        )


def test_each_helper_event_appears_in_the_shown_output() -> None:
    assert len(OUTPUTS) == 3, [p.name for p in OUTPUTS]
    shown = {line.split()[0] for p in OUTPUTS for line in p.read_text().splitlines() if line}
    rows = {markdown.code_name(c) for c in _events_table().column("`event.type`")}
    missing = rows - shown
    assert not missing, f"helper events the page lists but no output shows: {missing}"
    assert "ping" not in shown, "the stream helper should never yield a ping"
