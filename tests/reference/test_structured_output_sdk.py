"""The structured output page's statements about the SDK hold for the installed one.

The page says which methods take ``output_format`` (a type) and which take ``output_config``
only, that ``output_format`` becomes ``output_config.format`` with every object closed, and
that the parsed value is the first text block whose ``parsed_output`` is set.
"""

from __future__ import annotations

import inspect

import pydantic
import pytest
from anthropic.lib._parse._response import parse_response
from anthropic.resources.messages import Messages
from anthropic.types import Message
from anthropic.types.parsed_message import ParsedMessage

from standin import StandIn
from tests.reference.markdown import page
from tests.support.clients import sdk
from tests.support.settings import MODEL


class River(pydantic.BaseModel):
    name: str
    length_km: int


@pytest.mark.parametrize(
    ("method", "takes_a_type"), [("stream", True), ("parse", True), ("create", False)]
)
def test_which_methods_take_output_format(method: str, takes_a_type: bool) -> None:
    parameters = inspect.signature(getattr(Messages, method)).parameters
    assert "output_config" in parameters
    assert ("output_format" in parameters) is takes_a_type


def test_output_format_is_sent_as_a_closed_output_config_format(standin: StandIn) -> None:
    client = sdk(standin.url)
    with client.messages.stream(
        model=MODEL,
        max_tokens=64,
        output_format=River,
        messages=[{"role": "user", "content": "The Seine?"}],
    ) as stream:
        stream.until_done()
    (request,) = standin.message_requests
    fmt = request.body["output_config"]["format"]
    assert fmt["type"] == "json_schema" and fmt["schema"]["additionalProperties"] is False
    assert "output_format" not in request.body


def test_parsed_output_is_the_first_text_blocks() -> None:
    message = Message.model_validate(
        {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "model": MODEL,
            "content": [
                {"type": "text", "text": '{"name": "Seine", "length_km": 777}'},
                {"type": "text", "text": '{"name": "Loire", "length_km": 1006}'},
            ],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": {"input_tokens": 1, "output_tokens": 1},
        }
    )
    parsed = parse_response(output_format=River, response=message)
    assert parsed.parsed_output == River(name="Seine", length_km=777)


def test_parsed_output_skips_a_text_block_with_none() -> None:
    """Not simply the first text block's: one without a parsed value is passed over."""
    message = ParsedMessage[River].model_validate(
        {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "model": MODEL,
            "content": [
                {"type": "text", "text": "Here it is:", "parsed_output": None},
                {
                    "type": "text",
                    "text": '{"name": "Seine", "length_km": 777}',
                    "parsed_output": {"name": "Seine", "length_km": 777},
                },
            ],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": {"input_tokens": 1, "output_tokens": 1},
        }
    )
    assert message.parsed_output == River(name="Seine", length_km=777)
    said = " ".join(page("guides/structured-output.md").split())
    assert "returns the first text block's;" not in said
    assert "the first text block whose `parsed_output` is set" in said, (
        "the page must say parsed_output is the first text block whose parsed_output is set"
    )
