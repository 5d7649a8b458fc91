"""Web search in a stream: the stand-in sends what the service sends when the tool is offered,
continues a paused turn sent back, and refuses the server tool blocks the service refuses.

The events are read as the installed SDK yields them, the refusals as it raises them.
"""

from __future__ import annotations

import json
from typing import Any

import anthropic
import pytest

from standin import StandIn
from standin.fit import mismatches
from standin.replies import MessageReply, ServerToolUse, Text
from standin.scenarios.contents import SSE_RESULT, WEB_SEARCH, web_citation
from tests.support.clients import sdk
from tests.support.settings import MODEL

WEB_SEARCH_TOOL = {"type": "web_search_20260318", "name": "web_search", "max_uses": 3}
ASK = [{"role": "user", "content": "How is text streamed over HTTP?"}]


def _client(api: StandIn) -> anthropic.Anthropic:
    return sdk(api.url)


def _events(api: StandIn, **params: Any) -> tuple[list[Any], anthropic.types.Message]:
    params.setdefault("messages", ASK)
    params.setdefault("max_tokens", 1024)
    with _client(api).messages.stream(model=MODEL, **params) as stream:
        events = [e for e in stream if e.type.startswith(("content_block", "message_delta"))]
        return events, stream.get_final_message()


def _refusal(api: StandIn, **params: Any) -> str:
    with pytest.raises(anthropic.BadRequestError) as raised:
        _events(api, **params)
    return str(raised.value)


def test_the_search_streams_its_input_then_its_result_whole_then_cited_text(
    standin: StandIn,
) -> None:
    events, message = _events(standin, tools=[WEB_SEARCH_TOOL])
    types = [b.type for b in message.content]
    assert types == ["text", "server_tool_use", "web_search_tool_result", "text"]
    call, result = message.content[1], message.content[2]
    fragments = [
        e.delta.partial_json
        for e in events
        if e.type == "content_block_delta" and e.index == 1 and e.delta.type == "input_json_delta"
    ]
    assert fragments[0] == "" and len([f for f in fragments if f]) > 1
    assert json.loads("".join(fragments)) == call.input and call.id.startswith("srvtoolu_")
    assert result.tool_use_id == call.id
    assert not [e for e in events if e.type == "content_block_delta" and e.index == 2]
    (citation,) = [
        e.delta.citation
        for e in events
        if e.type == "content_block_delta" and e.delta.type == "citations_delta"
    ]
    assert citation.type == "web_search_result_location"
    assert citation.url in {r.url for r in result.content}
    assert citation.encrypted_index and citation.cited_text
    (delta,) = [e for e in events if e.type == "message_delta"]
    assert delta.usage.server_tool_use.web_search_requests == 1


def test_no_server_tool_blocks_when_the_tool_is_not_offered(standin: StandIn) -> None:
    _, message = _events(standin)
    assert [b.type for b in message.content] == ["text"]
    assert message.usage.server_tool_use is None


def test_a_paused_turn_sent_back_is_continued() -> None:
    with StandIn("web_search_pause_turn") as api:
        _, paused = _events(api, tools=[WEB_SEARCH_TOOL])
        assert paused.stop_reason == "pause_turn"
        continued = [*ASK, {"role": "assistant", "content": paused.content}]
        _, final = _events(api, tools=[WEB_SEARCH_TOOL], messages=continued)
        assert final.stop_reason == "end_turn"
        assert all(not r.mismatches for r in api.message_requests)
        cited = {c.url for b in final.content if b.type == "text" for c in b.citations or []}
        earlier = {
            r.url for b in paused.content if b.type == "web_search_tool_result" for r in b.content
        }
        assert cited & earlier, "the answer should cite the search made before the pause"


def test_auto_mode_continues_a_paused_turn_too(standin: StandIn) -> None:
    with StandIn("web_search_pause_turn") as api:
        _, paused = _events(api, tools=[WEB_SEARCH_TOOL])
    continued = [*ASK, {"role": "assistant", "content": paused.content}]
    _, final = _events(standin, tools=[WEB_SEARCH_TOOL], messages=continued)
    assert final.stop_reason == "end_turn" and final.content[-1].type == "text"
    assert not standin.message_requests[-1].mismatches


def test_a_final_assistant_turn_without_a_server_tool_is_still_a_prefill(
    standin: StandIn,
) -> None:
    messages = [*ASK, {"role": "assistant", "content": "Server-sent"}]
    assert "does not support assistant message prefill" in _refusal(
        standin, tools=[WEB_SEARCH_TOOL], messages=messages
    )


def _paused_turn(standin: StandIn) -> list[dict[str, Any]]:
    with StandIn("web_search_pause_turn") as api:
        _, paused = _events(api, tools=[WEB_SEARCH_TOOL])
    return [b.model_dump(exclude_none=True) for b in paused.content]


def test_a_result_whose_call_is_not_in_its_turn_is_refused(standin: StandIn) -> None:
    turn = _paused_turn(standin)
    turn[2]["tool_use_id"] = "srvtoolu_01NotTheCallThatWasMade00"
    messages = [*ASK, {"role": "assistant", "content": turn}]
    assert "has no matching `server_tool_use` block" in _refusal(
        standin, tools=[WEB_SEARCH_TOOL], messages=messages
    )


def test_a_continuation_without_the_server_tool_is_refused(standin: StandIn) -> None:
    messages = [*ASK, {"role": "assistant", "content": _paused_turn(standin)}]
    weather = {"name": "get_weather", "input_schema": {"type": "object"}}
    assert "not a server tool in `tools`" in _refusal(standin, tools=[weather], messages=messages)


def test_allowed_and_blocked_domains_together_are_refused(standin: StandIn) -> None:
    tool = {**WEB_SEARCH_TOOL, "allowed_domains": ["a.example"], "blocked_domains": ["b.example"]}
    assert "cannot be used together" in _refusal(standin, tools=[tool])


def test_max_tokens_mid_input_leaves_the_search_unrun(standin: StandIn) -> None:
    _, message = _events(standin, tools=[WEB_SEARCH_TOOL], max_tokens=9)
    assert [b.type for b in message.content] == ["text", "server_tool_use"]
    assert message.stop_reason == "max_tokens"


def test_replies_a_request_could_not_get_are_named() -> None:
    offered = {"model": MODEL, "max_tokens": 64, "messages": ASK, "tools": [WEB_SEARCH_TOOL]}
    assert mismatches(offered, WEB_SEARCH) == []
    assert mismatches({**offered, "tools": []}, WEB_SEARCH)
    unseen = {**SSE_RESULT, "url": "https://example.com/never-searched"}
    cites_unseen = MessageReply(blocks=(Text(("Hi",), citations=(web_citation(unseen, "x"),)),))
    assert any("no search it saw" in m for m in mismatches(offered, cites_unseen))
    paused_without_search = MessageReply(blocks=(Text(("Hi",)),), stop_reason="pause_turn")
    assert any("pause_turn" in m for m in mismatches(offered, paused_without_search))
    searched = MessageReply(blocks=(ServerToolUse("q", (SSE_RESULT,)),), stop_reason="pause_turn")
    assert mismatches(offered, searched) == []
