"""Server tools in a stream: web search's blocks and citations, and a paused turn continued."""

from __future__ import annotations

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import all_of, sent_streaming_requests
from tests.examples.harness.runner import Run


def offered_web_search(run: Run, api: StandIn) -> None:
    for request in api.message_requests:
        kinds = [t.get("type", "") for t in request.body.get("tools", [])]
        assert any(k.startswith("web_search_") for k in kinds), f"no web search tool: {kinds}"


def sent_the_paused_turn_back(run: Run, api: StandIn) -> None:
    """The continuation is the same request with the paused reply appended, unchanged."""
    first, second = api.message_requests
    assert first.plan is not None and first.plan.stop_reason == "pause_turn"
    sent = second.body["messages"]
    assert sent[:-1] == first.body["messages"], "the earlier turns changed"
    assert sent[-1]["role"] == "assistant"
    assert [b["type"] for b in sent[-1]["content"]] == [b.final["type"] for b in first.plan.blocks]
    assert {k: v for k, v in second.body.items() if k != "messages"} == {
        k: v for k, v in first.body.items() if k != "messages"
    }, "the continuation changed more than the messages"


CASES = [
    Case(
        "server-tools/web_search_events.py",
        "web_search",
        check=all_of(sent_streaming_requests(), offered_web_search),
    ),
    # The search fails: the result block holds one error object where the results would be.
    Case(
        "server-tools/web_search_events.py",
        "web_search_error",
        check=all_of(sent_streaming_requests(), offered_web_search),
    ),
    Case(
        "server-tools/continue_paused_turn.py",
        "web_search_pause_turn",
        check=all_of(sent_streaming_requests(2), offered_web_search, sent_the_paused_turn_back),
    ),
]
