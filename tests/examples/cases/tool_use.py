"""Streaming tool use: assembling the input, the SDK's snapshots, the tool loop, tool_choice."""

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import (
    DISCONNECT_WAIT,
    named_the_stop_reason,
    sent_streaming_requests,
)
from tests.examples.harness.runner import Run


def sent_the_tool_result_back(run: Run, api: StandIn) -> None:
    first, second = api.message_requests
    assert first.status == 200 and second.status == 200
    assistant, user = second.body["messages"][-2:]
    call = next(b for b in assistant["content"] if b["type"] == "tool_use")
    assert call["input"] == {"city": "Paris", "unit": "celsius"}
    (result,) = user["content"]
    assert result["type"] == "tool_result" and result["tool_use_id"] == call["id"]


def reported_the_tool_error_and_went_on(run: Run, api: StandIn) -> None:
    """The call with an argument get_weather does not take went back as a tool_result with
    is_error and the TypeError's text; the model's second call ran; the loop ended on the
    answer (tool_use_unknown_argument)."""
    assert [r.status for r in api.message_requests] == [200, 200, 200]
    first, second, third = api.message_requests
    (failed,) = second.body["messages"][-1]["content"]
    assert first.plan is not None and second.plan is not None
    (first_call,) = [b.final["id"] for b in first.plan.blocks if b.final["type"] == "tool_use"]
    (second_call,) = [b.final["id"] for b in second.plan.blocks if b.final["type"] == "tool_use"]
    assert first_call != second_call, "two calls got one id"
    assert failed["type"] == "tool_result" and failed["tool_use_id"] == first_call
    assert failed.get("is_error") is True, f"the failed call was not reported as one: {failed}"
    assert "unexpected keyword argument 'country'" in failed["content"]
    (ran,) = third.body["messages"][-1]["content"]
    assert ran["tool_use_id"] == second_call and not ran.get("is_error")
    assert api.wait_for_completion(DISCONNECT_WAIT, count=3), "not every turn was read to the end"
    assert len(api.completed) == 3
    assert run.stdout.endswith("[stop_reason: end_turn]\n")


def forced_choice_refused_then_auto(run: Run, api: StandIn) -> None:
    forced, auto = api.message_requests
    assert forced.body["tool_choice"]["type"] == "tool" and forced.status == 400
    assert auto.body["tool_choice"] == {"type": "auto"} and auto.status == 200


def joined_the_tool_input(run: Run, api: StandIn) -> None:
    """Whatever the fragments were, the joined text parsed to the input the model sent."""
    (request,) = api.message_requests
    assert request.plan is not None
    (sent,) = [b.final["input"] for b in request.plan.blocks if b.final["type"] == "tool_use"]
    assert f"parsing the joined text: {sent!r}" in run.stdout


CASES = [
    Case("tool-use/assemble_tool_input.py", "tool_use", check=sent_streaming_requests()),
    Case("tool-use/assemble_tool_input.py", "tool_no_arguments"),
    # No tool call at all: the program names the refusal rather than printing nothing.
    Case("tool-use/assemble_tool_input.py", "refusal", check=named_the_stop_reason),
    Case("tool-use/parse_each_fragment_mistake.py", "tool_use", check=joined_the_tool_input),
    Case("tool-use/input_json_snapshot.py", "tool_use", check=sent_streaming_requests()),
    Case("tool-use/tool_loop.py", "tool_use", check=sent_the_tool_result_back),
    Case(
        "tool-use/tool_loop.py",
        "tool_use_unknown_argument",
        check=reported_the_tool_error_and_went_on,
    ),
    Case(
        "tool-use/forced_tool_choice_refused.py", "tool_use", check=forced_choice_refused_then_auto
    ),
]
