"""Streaming tool use: assembling the input, the SDK's snapshots, the tool loop, tool_choice."""

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.checks import sent_streaming_requests
from tests.examples.harness.runner import Run


def sent_the_tool_result_back(run: Run, api: StandIn) -> None:
    first, second = api.message_requests
    assert first.status == 200 and second.status == 200
    assistant, user = second.body["messages"][-2:]
    call = next(b for b in assistant["content"] if b["type"] == "tool_use")
    assert call["input"] == {"city": "Paris", "unit": "celsius"}
    (result,) = user["content"]
    assert result["type"] == "tool_result" and result["tool_use_id"] == call["id"]


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
    Case("tool-use/assemble_tool_input.py", "tool_no_arguments", variant="no_arguments"),
    Case("tool-use/parse_each_fragment_mistake.py", "tool_use", check=joined_the_tool_input),
    Case("tool-use/input_json_snapshot.py", "tool_use", check=sent_streaming_requests()),
    Case("tool-use/tool_loop.py", "tool_use", check=sent_the_tool_result_back),
    Case(
        "tool-use/forced_tool_choice_refused.py", "tool_use", check=forced_choice_refused_then_auto
    ),
]
