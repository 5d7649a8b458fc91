"""Structured output: the stand-in takes ``output_config.format`` as the API does (a JSON schema
whose objects are closed, no citations beside it), answers with JSON text that fits the schema
sent, and counts a reply that does not fit as one the real API could not give.
"""

from __future__ import annotations

import json
from typing import Any

import anthropic
import pydantic
import pytest

from standin import StandIn
from standin.fit import mismatches, schema_problems
from standin.replies import text
from standin.scenarios.contents import RIVER_JSON
from standin.variations import KINDS, vary
from tests.support.clients import sdk
from tests.support.settings import MODEL

ASK = [{"role": "user", "content": "Facts about the Seine?"}]
HAIKU_SCHEMA = {
    "type": "object",
    "properties": {
        "lines": {"type": "array", "items": {"type": "string"}},
        "season": {"enum": ["spring", "autumn"]},
        "author": {"$ref": "#/$defs/Author"},
    },
    "required": ["lines", "season", "author"],
    "additionalProperties": False,
    "$defs": {
        "Author": {
            "type": "object",
            "properties": {"name": {"type": "string"}},
            "required": ["name"],
            "additionalProperties": False,
        }
    },
}


class River(pydantic.BaseModel):
    name: str
    country: str
    length_km: int


def _client(api: StandIn) -> anthropic.Anthropic:
    return sdk(api.url)


def _format(schema: Any) -> dict[str, Any]:
    return {"format": {"type": "json_schema", "schema": schema}}


def _open(api: StandIn, **params: Any) -> None:
    params.setdefault("messages", ASK)
    with _client(api).messages.stream(model=MODEL, max_tokens=64, **params):
        pass


def _refusal(api: StandIn, **params: Any) -> str:
    with pytest.raises(anthropic.BadRequestError) as raised:
        _open(api, **params)
    return str(raised.value)


def test_a_pydantic_output_format_is_answered_with_json_the_sdk_parses(standin: StandIn) -> None:
    with _client(standin).messages.stream(
        model=MODEL, max_tokens=256, messages=ASK, output_format=River
    ) as stream:
        deltas = list(stream.text_stream)
        message = stream.get_final_message()
    assert len(deltas) > 3, "the JSON should arrive in several text deltas"
    assert isinstance(message.parsed_output, River)
    (request,) = standin.message_requests
    assert "output_format" not in request.body and request.mismatches == []


def test_any_schema_sent_gets_json_that_fits_it(standin: StandIn) -> None:
    with _client(standin).messages.stream(
        model=MODEL, max_tokens=256, messages=ASK, output_config=_format(HAIKU_SCHEMA)
    ) as stream:
        message = stream.get_final_message()
    value = json.loads(message.content[0].text)
    assert schema_problems(value, HAIKU_SCHEMA) == []


@pytest.mark.parametrize(
    ("schema", "where"),
    [
        ({"type": "object", "properties": {"name": {"type": "string"}}}, "the root object"),
        (
            {**HAIKU_SCHEMA, "$defs": {"Author": {"type": "object", "properties": {}}}},
            "an object in $defs",
        ),
        (
            {
                "type": "object",
                "properties": {"tags": {"type": "array", "items": {"type": "object"}}},
                "additionalProperties": False,
            },
            "an object in items",
        ),
    ],
)
def test_an_object_that_allows_other_properties_is_refused(
    standin: StandIn, schema: dict[str, Any], where: str
) -> None:
    message = _refusal(standin, output_config=_format(schema))
    assert (
        "output_config.format.schema: For 'object' type, 'additionalProperties' must be "
        "explicitly set to false" in message
    ), where


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"output_config": {"format": {"type": "json", "schema": {}}}}, "format.type"),
        ({"output_config": {"format": {"type": "json_schema"}}}, "format.schema: Field required"),
        ({"output_config": {"effort": "huge"}}, "output_config.effort: Input should be"),
        ({"output_config": {"shape": {}}}, "output_config.shape: Extra inputs"),
    ],
)
def test_a_malformed_output_config_is_refused(
    standin: StandIn, params: dict[str, Any], expected: str
) -> None:
    assert expected in _refusal(standin, **params)


def test_citations_cannot_be_combined_with_a_json_format(standin: StandIn) -> None:
    document = {
        "type": "document",
        "source": {"type": "text", "media_type": "text/plain", "data": "The Seine is long."},
        "citations": {"enabled": True},
    }
    messages = [{"role": "user", "content": [document, {"type": "text", "text": "How long?"}]}]
    assert "citations" in _refusal(standin, messages=messages, output_format=River)


def test_a_reply_that_is_not_json_for_the_schema_does_not_fit() -> None:
    body = {"model": MODEL, "max_tokens": 64, "messages": ASK, "output_config": _format({})}
    body["output_config"]["format"]["schema"] = River.model_json_schema() | {
        "additionalProperties": False
    }
    assert mismatches(body, RIVER_JSON) == []
    assert any("not JSON" in m for m in mismatches(body, text("Rivers", " carry", " light")))
    wrong = text('{"name": "Seine"}')
    assert any("lacks required 'country'" in m for m in mismatches(body, wrong))


@pytest.mark.parametrize("seed", range(len(KINDS)))
def test_a_varied_structured_reply_is_the_same_json_cut_elsewhere(seed: int) -> None:
    varied = vary(RIVER_JSON, seed)
    (block,) = varied.blocks
    assert block.text == RIVER_JSON.blocks[0].text  # type: ignore[union-attr]
    assert len(block.chunks) == len(RIVER_JSON.blocks[0].chunks)  # type: ignore[union-attr]
