"""The beta's top-level ``output_format`` field is deprecated, not refused.

The structured outputs page says the field moved to ``output_config.format`` and that the old
one keeps working for a transition period; the installed SDK never sends it (its
``output_format=`` argument becomes ``output_config.format`` on the client), but a request
written by hand, or by an older client, may. The stand-in reads it as ``output_config.format``:
answered with JSON that fits it, and held to the same schema rule.
"""

from __future__ import annotations

import json
from typing import Any

import anthropic
import pytest

from standin import StandIn
from tests.support.clients import sdk
from tests.support.settings import MODEL

ASK = [{"role": "user", "content": "Facts about the Seine?"}]
RIVER = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "country": {"type": "string"},
        "length_km": {"type": "integer"},
    },
    "required": ["name", "country", "length_km"],
    "additionalProperties": False,
}


def _json_schema(schema: dict[str, Any]) -> dict[str, Any]:
    return {"type": "json_schema", "schema": schema}


def _create(api: StandIn, **params: Any) -> anthropic.types.Message:
    client = sdk(api.url)
    return client.messages.create(model=MODEL, max_tokens=256, messages=ASK, **params)


def test_the_beta_field_is_answered_as_output_config_format(standin: StandIn) -> None:
    message = _create(standin, extra_body={"output_format": _json_schema(RIVER)})
    (request,) = standin.message_requests
    assert request.status == 200 and "output_format" in request.body
    assert request.mismatches == []
    answer = json.loads("".join(b.text for b in message.content if b.type == "text"))
    assert set(answer) == set(RIVER["required"])


def test_the_beta_field_is_held_to_the_same_schema_rule(standin: StandIn) -> None:
    open_schema = {**RIVER, "additionalProperties": True}
    with pytest.raises(anthropic.BadRequestError) as raised:
        _create(standin, extra_body={"output_format": _json_schema(open_schema)})
    assert "output_format.schema: For 'object' type" in str(raised.value)


def test_both_fields_at_once_are_refused(standin: StandIn) -> None:
    with pytest.raises(anthropic.BadRequestError) as raised:
        _create(
            standin,
            output_config={"format": _json_schema(RIVER)},
            extra_body={"output_format": _json_schema(RIVER)},
        )
    assert "output_format: cannot be combined with output_config.format" in str(raised.value)
