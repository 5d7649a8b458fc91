"""Every reply answers the question it is shown beside.

Each named scenario's reply says what question it answers (``MessageReply.answers``), and the
fit rules (``standin/fit.py``) name a request that asks something else, as they name a thinking
reply to a request with thinking off. The snippet tests fail on any such mismatch.
"""

from __future__ import annotations

from typing import Any

import pytest

from standin.fit import mismatches, question_of
from standin.replies import FromRequest, MessageReply
from standin.scenarios import SCENARIOS, contents
from tests.support.settings import MODEL

WEATHER = "What is the weather in Paris?"
THINKING_ON = {"type": "adaptive", "display": "summarized"}


def _asking(*messages: dict[str, Any], **params: Any) -> dict[str, Any]:
    return {"model": MODEL, "max_tokens": 1024, "messages": list(messages), **params}


def _user(content: Any) -> dict[str, Any]:
    return {"role": "user", "content": content}


def _topic_problems(body: dict[str, Any], reply: MessageReply) -> list[str]:
    return [m for m in mismatches(body, reply) if m.startswith("the reply answers")]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_scenario_reply_says_what_it_answers(name: str) -> None:
    for reply in SCENARIOS[name].replies:
        if isinstance(reply, FromRequest):
            reply = reply.compute(_asking(_user("Write a haiku about rivers.")))
        if isinstance(reply, MessageReply):
            assert reply.answers is not None, f"a reply of {name!r} does not say what it answers"


def test_a_reply_to_another_question_is_named() -> None:
    """The defect this rule was written for: the arithmetic thinking beside a weather question."""
    body = _asking(_user(WEATHER), thinking=THINKING_ON)
    assert _topic_problems(body, contents.THINKING) == [
        "the reply answers a question about '27 times 453', but the request asks "
        "'What is the weather in Paris?'"
    ]
    assert _topic_problems(body, contents.THINKING_WEATHER_ANSWER) == []
    assert _topic_problems(_asking(_user("What is 27 TIMES 453?")), contents.THINKING) == []


def test_a_refusal_fits_any_question_and_a_test_reply_is_not_held_to_one() -> None:
    body = _asking(_user("Where is order 7?"))
    assert _topic_problems(body, contents.REFUSAL) == []
    assert _topic_problems(body, MessageReply(blocks=contents.HAIKU.blocks)) == []
    assert _topic_problems(body, contents.HAIKU) != []


def test_the_question_is_the_last_user_text_past_tool_results() -> None:
    answered_call = [
        _user(WEATHER),
        {"role": "assistant", "content": [{"type": "text", "text": "I'll look it up."}]},
        _user([{"type": "tool_result", "tool_use_id": "toolu_01", "content": "18 °C"}]),
    ]
    assert question_of(_asking(*answered_call)) == WEATHER
    follow_up = [
        _user("Write a haiku about rivers."),
        {"role": "assistant", "content": "Rivers carry light"},
        _user("Now one about the sea."),
    ]
    assert question_of(_asking(*follow_up)) == "Now one about the sea."


def test_asking_to_continue_an_interrupted_reply_asks_the_question_again() -> None:
    """The documented continuation quotes where the reply ended; the reply still answers the
    question before it."""
    partial = "Rivers carry light\nstone by stone toward"
    ask = f"Your previous response was interrupted. It ended with: {partial[-20:]}. Continue."
    messages = [
        _user("Write a haiku about rivers."),
        {"role": "assistant", "content": partial},
        _user(ask),
    ]
    assert question_of(_asking(*messages)) == "Write a haiku about rivers."
