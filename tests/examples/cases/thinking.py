"""Streaming thinking: thinking and answer apart, and thinking blocks passed back unchanged."""

from typing import Any

from standin import StandIn
from standin.scenarios.contents import THINKING_TOOL_CALL
from standin.signatures import verify
from tests.examples.harness.case import Case
from tests.examples.harness.checks import all_of, answered, sent_streaming_requests
from tests.examples.harness.runner import Run

THOUGHT = "".join(THINKING_TOOL_CALL.blocks[0].chunks)


def _nulls(value: Any, where: str) -> list[str]:
    if value is None:
        return [where]
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _nulls(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [n for i, v in enumerate(value) for n in _nulls(v, f"{where}[{i}]")]
    return []


def sent_the_blocks_back_without_nulls(run: Run, api: StandIn) -> None:
    """The follow-up's assistant turn holds the reply's blocks with no field set to null (the
    SDK's models hold absent optional fields as None; a request may not send some as null)."""
    _, second = api.message_requests
    assistant = second.body["messages"][1]
    assert assistant["role"] == "assistant"
    nulls = _nulls(assistant["content"], "content")
    assert not nulls, f"blocks sent back with null fields: {nulls}"


def passed_the_thinking_back_unchanged(run: Run, api: StandIn) -> None:
    _, second = api.message_requests
    assert second.status == 200, f"the follow-up was refused with HTTP {second.status}"
    block = second.body["messages"][1]["content"][0]
    assert block["type"] == "thinking" and block["thinking"] == THOUGHT
    assert verify(block["thinking"], block["signature"])
    sent_the_blocks_back_without_nulls(run, api)


WITH_TOOLS = "thinking/thinking_with_tools.py"
ALTERED = "thinking/altered_thinking_refused.py"

CASES = [
    Case("thinking/thinking_and_answer.py", "thinking", check=sent_streaming_requests()),
    Case(WITH_TOOLS, "thinking_tool_use", check=passed_the_thinking_back_unchanged),
    # No tool call: the answer is printed and no second request is made.
    Case(WITH_TOOLS, "thinking_without_tool", check=sent_streaming_requests(1)),
    Case(
        ALTERED,
        "thinking_tool_use",
        check=all_of(answered(200, 400), sent_the_blocks_back_without_nulls),
    ),
    Case(ALTERED, "thinking_without_tool", check=sent_streaming_requests(1)),
    # A tool call with no thinking block before it (adaptive thinking may skip it): the block is
    # found by its type, not taken from the first place.
    Case(ALTERED, "tool_use", check=sent_streaming_requests(1)),
]
