"""With no scenario forced, the stand-in answers what the request asks, as a model would.

Each test sends a request through the installed SDK and checks the answer against the request
(the same rules the snippet tests apply to every case: ``standin/fit.py``), plus the numbers a
client reads: ids made per call, token counts that follow the request.
"""

from __future__ import annotations

from typing import Any

import anthropic
import pytest

from standin import StandIn
from standin.fit import mismatches, schema_problems
from tests.support.clients import sdk
from tests.support.settings import MODEL

TOOL = {
    "name": "lookup_order",
    "description": "Find an order.",
    "input_schema": {
        "type": "object",
        "properties": {"order_id": {"type": "integer"}, "region": {"enum": ["eu", "us"]}},
        "required": ["order_id", "region"],
        "additionalProperties": False,
    },
}
ASK = [{"role": "user", "content": "Where is order 7?"}]


def _final(api: StandIn, **params: Any) -> anthropic.types.Message:
    client = sdk(api.url)
    with client.messages.stream(model=MODEL, max_tokens=1024, **params) as stream:
        return stream.get_final_message()


def _fits(api: StandIn) -> None:
    problems = [m for r in api.message_requests for m in r.mismatches]
    assert not problems, problems


def test_a_call_goes_to_an_offered_tool_with_input_its_schema_accepts(standin: StandIn) -> None:
    message = _final(standin, messages=ASK, tools=[TOOL])
    (call,) = [b for b in message.content if b.type == "tool_use"]
    assert call.name == "lookup_order" and message.stop_reason == "tool_use"
    assert schema_problems(call.input, TOOL["input_schema"]) == []
    _fits(standin)


def test_tool_choice_none_gets_no_call(standin: StandIn) -> None:
    message = _final(standin, messages=ASK, tools=[TOOL], tool_choice={"type": "none"})
    assert [b.type for b in message.content] == ["text"] and message.stop_reason == "end_turn"


def test_a_stop_sequence_ends_the_reply_without_itself() -> None:
    haiku = [{"role": "user", "content": "Write a haiku about rivers."}]
    with StandIn("stop_sequence") as api:
        message = _final(api, messages=haiku, stop_sequences=["toward"])
        assert message.stop_reason == "stop_sequence" and message.stop_sequence == "toward"
        assert "toward" not in message.content[0].text
        _fits(api)


def test_stop_sequences_cut_any_reply_where_they_occur(standin: StandIn) -> None:
    message = _final(standin, messages=ASK, stop_sequences=["stone"])
    assert message.stop_reason == "stop_sequence"
    assert message.content[0].text == "Rivers carry light\n"


def test_a_document_with_citations_on_gets_cited(standin: StandIn) -> None:
    document = {
        "type": "document",
        "source": {"type": "text", "media_type": "text/plain", "data": "Ice is cold. Fire is hot."},
        "title": "Facts",
        "citations": {"enabled": True},
    }
    content = [document, {"type": "text", "text": "Is ice cold?"}]
    message = _final(standin, messages=[{"role": "user", "content": content}])
    (citation,) = message.content[0].citations or []
    assert citation.cited_text == "Ice is cold."
    _fits(standin)


def test_web_search_gets_server_tool_blocks_not_a_client_call(standin: StandIn) -> None:
    tool = {"type": "web_search_20260318", "name": "web_search", "max_uses": 1}
    asked = [{"role": "user", "content": "How is text streamed over HTTP?"}]
    message = _final(standin, messages=asked, tools=[tool])
    types = [b.type for b in message.content]
    assert "server_tool_use" in types and "tool_use" not in types
    _fits(standin)


@pytest.mark.parametrize(("display", "shown"), [("summarized", True), ("omitted", False)])
def test_thinking_display_decides_whether_the_text_is_sent(
    standin: StandIn, display: str, shown: bool
) -> None:
    thinking = {"type": "adaptive", "display": display}
    message = _final(standin, messages=ASK, thinking=thinking)
    block = message.content[0]
    assert block.type == "thinking" and block.signature
    assert bool(block.thinking) is shown
    assert message.usage.output_tokens_details is not None
    assert message.usage.output_tokens_details.thinking_tokens > 0


def test_every_call_gets_its_own_id(standin: StandIn) -> None:
    first = _final(standin, messages=ASK, tools=[TOOL])
    second = _final(standin, messages=ASK, tools=[TOOL])
    ids = {b.id for m in (first, second) for b in m.content if b.type == "tool_use"}
    assert len(ids) == 2 and all(i.startswith("toolu_01") for i in ids)


def test_token_counts_follow_the_request_and_double_counting_shows(standin: StandIn) -> None:
    client = sdk(standin.url)
    short = [{"role": "user", "content": "Hi"}]
    long = [{"role": "user", "content": "Tell me about rivers. " * 40}]
    counts = {}
    for name, messages in (("short", short), ("long", long)):
        with client.messages.create(
            model=MODEL, max_tokens=1024, messages=messages, stream=True
        ) as stream:
            events = list(stream)
        start = next(e for e in events if e.type == "message_start").message.usage
        end = next(e for e in events if e.type == "message_delta").usage
        counts[name] = start.input_tokens
        assert start.output_tokens + end.output_tokens > end.output_tokens + 1
    assert counts["long"] > counts["short"]


def test_the_fit_rules_name_what_a_request_cannot_get() -> None:
    from standin.scenarios import contents

    sum_asked = [{"role": "user", "content": "What is 27 times 453?"}]
    assert mismatches({"messages": sum_asked}, contents.THINKING) == [
        "the reply has thinking, but the request does not turn thinking on"
    ]
    assert "the request offers no tools" in " ".join(
        mismatches({"messages": ASK}, contents.WEATHER_TOOL_CALL)
    )


def test_a_models_default_display_decides_when_the_request_sets_none() -> None:
    """Opus 4.7 omits thinking text unless asked; this site's model shows it."""
    with StandIn("thinking") as api:
        client = sdk(api.url)
        shown = {}
        for model in ("claude-opus-4-7", MODEL):
            with client.messages.stream(
                model=model, max_tokens=1024, messages=ASK, thinking={"type": "adaptive"}
            ) as stream:
                shown[model] = bool(stream.get_final_message().content[0].thinking)
    assert shown == {"claude-opus-4-7": False, MODEL: True}
