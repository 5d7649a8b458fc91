"""Every form the SDK's types allow a streamed reply to take, the stand-in can send, or a line
below says why no request of this site can meet it.

The installed SDK's types are walked from ``RawMessageStreamEvent``: every member of a union of
models (a content block type, a delta type, a citation type, a search result's error object),
every optional field (once set and once left out: two items) and every ``Literal`` value (a stop
reason, an error code, a refusal category). Then the stand-in's streams are parsed with the
SDK's own parser (``construct_type``, as ``MessageStream`` parses them): every named scenario's
reply, and each of them with every alternative and field bundle of ``standin/alternatives.py``
applied. Whatever the streams show is covered; whatever they never show must be in
``NOT_APPLICABLE`` with its reason, or this test fails naming it, so an SDK upgrade that adds a
block type, an optional field or a literal says what the stand-in must learn.

A reason that says no snippet asks for something names what asking would look like in a
program (``requested_by``, regular expressions); a test holds the snippets to it.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pydantic
import pytest
from anthropic._models import construct_type
from anthropic.types import RawMessageStreamEvent

from standin import alternatives, auto, events
from standin.alternatives import BUNDLES, Bundle
from standin.replies import FromRequest, MessageReply
from standin.scenarios.answers import SCENARIOS
from tests.support.paths import SNIPPETS
from tests.support.settings import MODEL

ROOT = RawMessageStreamEvent


@dataclass(frozen=True)
class NotHere:
    why: str
    requested_by: tuple[str, ...] = ()


CODE_EXECUTION = NotHere(
    "a code execution tool's result (or its container); no snippet offers code execution",
    (r"code_execution",),
)
# A key is a model's name (the model and all it holds: it is not walked), ``Model.field`` (every
# item of that field), or one item (``Model.field set``, ``Model.field = 'value'``).
NOT_APPLICABLE: dict[str, NotHere] = {
    "WebFetchToolResultBlock": NotHere("the web fetch tool's result", (r"web_fetch",)),
    "CodeExecutionToolResultBlock": CODE_EXECUTION,
    "BashCodeExecutionToolResultBlock": CODE_EXECUTION,
    "TextEditorCodeExecutionToolResultBlock": CODE_EXECUTION,
    "ServerToolCaller": NotHere("a tool called from code execution", (r"code_execution",)),
    "ServerToolCaller20260120": NotHere("a tool called from code execution", (r"code_execution",)),
    "Container": CODE_EXECUTION,
    "Message.container set": CODE_EXECUTION,
    "Delta.container set": CODE_EXECUTION,
    "ToolSearchToolResultBlock": NotHere("the tool search tool's result", (r"tool_search",)),
    "ContainerUploadBlock": NotHere("a file uploaded to a container", (r"container_upload",)),
    "Diagnostics": NotHere("answers a request's diagnostics field", (r"diagnostics",)),
    "Message.diagnostics set": NotHere("answers a request's diagnostics field", (r"diagnostics",)),
    "CitationPageLocation": NotHere("cites a PDF document", (r"application/pdf",)),
    "CitationContentBlockLocation": NotHere(
        "cites a document made of content blocks", (r"""["']content["'],\s*["']content["']""",)
    ),
    "CitationsSearchResultLocation": NotHere(
        "cites a search_result block the request sent", (r"""["']search_result["']""",)
    ),
    "CitationCharLocation.file_id set": NotHere("cites a file from the Files API", (r"file_id",)),
    "CitationsWebSearchResultLocation.title unset": NotHere(
        "a cited page with no title; every search result the stand-in returns has one (assumed)"
    ),
    "ToolUseBlock.toolset_name set": NotHere(
        "a member of a browser or computer toolset", (r"_toolset_",)
    ),
    "ServerToolUseBlock.name": NotHere(
        "server tools other than web search", (r"web_fetch|code_execution|tool_search",)
    ),
    "Message.content[]": NotHere(
        "message_start's message has no content yet (wire.md); the blocks arrive in "
        "content_block_start and are counted there"
    ),
    "TextBlock.citations[]": NotHere(
        "content_block_start's text block has no citations yet; each arrives in a "
        "citations_delta and is counted there"
    ),
    "Message.model": NotHere("the model id the request named, echoed; one id site-wide"),
    "Message.stop_reason": NotHere(
        "null in message_start (wire.md); the values arrive in message_delta, counted there"
    ),
    "Message.stop_sequence set": NotHere("null in message_start; message_delta carries it"),
    "Message.stop_details set": NotHere("null in message_start; message_delta carries it"),
    "Usage.output_tokens_details set": NotHere(
        "message_start counts before any output; no recorded message_start carries it"
    ),
    "Usage.server_tool_use set": NotHere(
        "message_start counts before any tool runs; no recorded message_start carries it"
    ),
    "Usage.service_tier = 'batch'": NotHere("the Message Batches API's tier: never a stream"),
    "Usage.speed = 'fast'": NotHere("answers a request that sets speed", (r"\bspeed\b",)),
}

# Requests the alternatives are applied to: every tool, web search and a stop sequence offered,
# so each alternative's conditions hold somewhere (the example tests apply them per request).
OFFERING_EVERYTHING: dict[str, Any] = {
    "model": MODEL,
    "max_tokens": 4096,
    "stop_sequences": ["###"],
    "messages": [{"role": "user", "content": "Write a haiku about rivers."}],
    "tools": [
        {
            "name": "get_weather",
            "description": "Current weather for a city.",
            "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}},
        },
        {"type": "web_search_20260318", "name": "web_search"},
    ],
}
# A document with citations on and no title: the answer cites it with document_title null.
UNTITLED_DOCUMENT: dict[str, Any] = {
    "model": MODEL,
    "max_tokens": 1024,
    "messages": [
        {
            "role": "user",
            "content": [
                {
                    "type": "document",
                    "source": {
                        "type": "text",
                        "media_type": "text/plain",
                        "data": "Grass is green.",
                    },
                    "citations": {"enabled": True},
                },
                {"type": "text", "text": "What colour is grass?"},
            ],
        }
    ],
}


# -- the SDK's side -------------------------------------------------------------------------


def _strip(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _options(annotation: Any) -> list[Any]:
    """The members of a union (an Optional included), or the annotation alone."""
    annotation = _strip(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _options(arg)]
    return [annotation]


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, pydantic.BaseModel)


def _member_name(kind: Any) -> str | None:
    """How a union member is named in an item: a model by its class, a list as ``list``."""
    if _is_model(kind):
        return kind.__name__
    if typing.get_origin(kind) is list:
        return "list"
    return None


def _inner_models(kind: Any) -> list[type[pydantic.BaseModel]]:
    """The models an annotation holds: itself, or those in its arguments (list, union...)."""
    if _is_model(kind):
        return [kind]
    return [m for arg in typing.get_args(kind) for m in _inner_models(_strip(arg))]


@dataclass(frozen=True)
class Field:
    owner: str
    name: str
    optional: bool
    members: tuple[str, ...]  # named members of a union of two or more models or lists
    listed: tuple[str, ...]  # the same, of a union the field holds a list of
    literals: tuple[Any, ...]

    @property
    def path(self) -> str:
        return f"{self.owner}.{self.name}"

    def items(self) -> list[str]:
        found = [f"{self.path} {state}" for state in ("set", "unset") if self.optional]
        found += [f"{self.path}: {m}" for m in self.members]
        found += [f"{self.path}[]: {m}" for m in self.listed]
        found += [f"{self.path} = {v!r}" for v in self.literals]
        return found


def _union(options: list[Any]) -> tuple[str, ...]:
    """The named members, when there are two or more (a choice to cover)."""
    named = tuple(n for n in (_member_name(o) for o in options) if n)
    return named if len(named) > 1 else ()


def _field(owner: type[pydantic.BaseModel], name: str, info: Any) -> Field:
    options = _options(info.annotation)
    lists = [o for o in options if typing.get_origin(o) is list]
    listed = tuple(m for o in lists for m in _union(_options(typing.get_args(o)[0])))
    literals = tuple(
        v for o in options if typing.get_origin(o) is typing.Literal for v in typing.get_args(o)
    )
    optional = type(None) in options or not info.is_required()
    return Field(owner.__name__, name, optional, _union(options), listed, literals)


@functools.cache
def _fields_of(model: type[pydantic.BaseModel]) -> tuple[Field, ...]:
    """``model``'s fields, worked out once: the streams hold the same few models thousands of
    times, and reading their annotations again for each was most of this file's time."""
    return tuple(_field(model, name, info) for name, info in model.model_fields.items())


def reachable(prune: bool = True) -> dict[str, type[pydantic.BaseModel]]:
    """Every model reachable from the stream's event union; with ``prune``, not through the
    models ``NOT_APPLICABLE`` names whole (they are not walked)."""
    found: dict[str, type[pydantic.BaseModel]] = {}
    todo = [m for o in _options(ROOT) for m in _inner_models(o)]
    while todo:
        model = todo.pop()
        if model.__name__ in found or (prune and model.__name__ in NOT_APPLICABLE):
            continue
        found[model.__name__] = model
        for info in model.model_fields.values():
            todo.extend(m for o in _options(info.annotation) for m in _inner_models(o))
    return found


def sdk_fields() -> list[Field]:
    return [
        _field(model, name, info)
        for model in reachable().values()
        for name, info in model.model_fields.items()
    ]


def sdk_items() -> set[str]:
    """Each union member, optional field state and literal value the types allow."""
    roots = {f"RawMessageStreamEvent: {m.__name__}" for m in _options(ROOT)}
    return roots | {item for f in sdk_fields() for item in f.items()}


# -- the stand-in's side ---------------------------------------------------------------------


def _replies() -> Iterator[tuple[MessageReply, dict[str, Any]]]:
    """Every named scenario's reply, each answered to the request that offers everything."""
    for scenario in SCENARIOS.values():
        for reply in scenario.replies:
            got = reply.compute(OFFERING_EVERYTHING) if isinstance(reply, FromRequest) else reply
            if isinstance(got, MessageReply):
                yield got, OFFERING_EVERYTHING
    answered = auto.reply_for(UNTITLED_DOCUMENT)
    assert isinstance(answered, MessageReply)
    yield answered, UNTITLED_DOCUMENT


def _given(reply: MessageReply, body: dict[str, Any]) -> Iterator[MessageReply]:
    """``reply`` as it is, and with each alternative and each bundle."""
    changed = [reply]
    for alternative in alternatives.catalogue():
        built = alternative.build(reply, body)
        if built is not None:
            changed.append(built)
    for each in changed:
        yield each
        for bundle in BUNDLES:
            yield bundle.apply(each, body)


def stand_in_events() -> Iterator[dict[str, Any]]:
    for reply, body in _replies():
        asked = events.asked_from(body, seed="coverage")
        for given in _given(replace(reply, unknown_fields=False), body):
            p = events.plan(given, message_id="msg_coverage", model=MODEL, asked=asked)
            yield from (data for _, data in events.stream_events(p))


def _observe(value: Any, found: set[str]) -> None:
    if isinstance(value, list):
        for item in value:
            _observe(item, found)
        return
    if not isinstance(value, pydantic.BaseModel):
        return
    for field in _fields_of(type(value)):
        got = getattr(value, field.name, None)
        if field.optional:
            found.add(f"{field.path} {'unset' if got is None else 'set'}")
        if field.members and got is not None:
            found.add(f"{field.path}: {'list' if isinstance(got, list) else type(got).__name__}")
        if field.listed and isinstance(got, list):
            found.update(f"{field.path}[]: {type(item).__name__}" for item in got)
        if isinstance(got, str) and got in field.literals:
            found.add(f"{field.path} = {got!r}")
        _observe(got, found)


def observed() -> set[str]:
    """The items the stand-in's streams show, parsed as the SDK parses them."""
    found: set[str] = set()
    for data in stand_in_events():
        event = construct_type(type_=ROOT, value=data)
        assert isinstance(event, pydantic.BaseModel), f"the SDK does not know {data['type']}"
        found.add(f"RawMessageStreamEvent: {type(event).__name__}")
        _observe(event, found)
    return found


# -- the tests -------------------------------------------------------------------------------


def _keys(item: str) -> tuple[str, ...]:
    """The NOT_APPLICABLE keys that would excuse ``item``: itself, its field, the model that
    holds it, the model it names as a union member."""
    path = item.split(" ")[0].rstrip(":")
    member = item.split(": ")[1] if ": " in item else ""
    return (item, path, path.split(".")[0], member)


def _excused(item: str) -> bool:
    return any(key in NOT_APPLICABLE for key in _keys(item))


@pytest.fixture(scope="module")
def seen() -> set[str]:
    return observed()


def test_every_form_the_sdk_allows_is_sent_or_excused(seen: set[str]) -> None:
    missing = sorted(i for i in sdk_items() - seen if not _excused(i))
    assert not missing, (
        "forms the installed SDK's types allow that the stand-in never sends: add an "
        "alternative (standin/alternatives.py) or a reason in NOT_APPLICABLE:\n  "
        + "\n  ".join(missing)
    )


def test_every_reason_excuses_something_not_sent(seen: set[str]) -> None:
    items = sdk_items()
    models = reachable(prune=False)
    for key in NOT_APPLICABLE:
        matched = [i for i in items if key in _keys(i)]
        assert matched or key in models, f"NOT_APPLICABLE names {key!r}, which the SDK lacks"
        assert key in models or any(i not in seen for i in matched), (
            f"NOT_APPLICABLE excuses {key!r}, but the stand-in sends all of it: drop the line"
        )
        assert key not in models or not any(key in _keys(i) for i in seen), (
            f"NOT_APPLICABLE excuses {key!r}, but the stand-in sends one: drop the line"
        )


def test_no_snippet_asks_for_what_is_excused() -> None:
    programs = [p for p in SNIPPETS.rglob("*") if p.suffix in (".py", ".sh", ".ipynb")]
    sources = {p: p.read_text(encoding="utf-8") for p in programs}
    for key, reason in NOT_APPLICABLE.items():
        for pattern in reason.requested_by:
            found = [
                str(p.relative_to(SNIPPETS)) for p, s in sources.items() if re.search(pattern, s)
            ]
            assert not found, f"{key} is excused as never asked for ({reason.why}), but {found} do"


def test_every_alternative_and_bundle_names_its_source() -> None:
    named: list[Bundle | alternatives.Alternative] = [*alternatives.catalogue(), *BUNDLES]
    assert all(a.source.strip() for a in named), [a.name for a in named if not a.source.strip()]


def test_every_stop_reason_has_an_alternative_or_is_a_scenarios_own() -> None:
    """A stop reason the SDK adds has no builder until one is written."""
    lacking = [r for r in alternatives.STOP_REASONS if r not in alternatives.ENDINGS]
    assert not lacking, f"stop reasons with no alternative in standin/alternatives.py: {lacking}"
