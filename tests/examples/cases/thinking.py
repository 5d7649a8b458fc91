"""Streaming thinking: thinking and answer apart, and thinking blocks passed back unchanged."""

from standin import StandIn
from standin.scenarios.features import THINKING_TOOL_CALL
from standin.signatures import verify
from tests.examples.harness.case import Case
from tests.examples.harness.checks import answered, sent_streaming_requests
from tests.examples.harness.runner import Run

THOUGHT = "".join(THINKING_TOOL_CALL.blocks[0].chunks)


def passed_the_thinking_back_unchanged(run: Run, api: StandIn) -> None:
    _, second = api.message_requests
    assert second.status == 200, f"the follow-up was refused with HTTP {second.status}"
    block = second.body["messages"][1]["content"][0]
    assert block["type"] == "thinking" and block["thinking"] == THOUGHT
    assert verify(block["thinking"], block["signature"])


CASES = [
    Case("thinking/thinking_and_answer.py", "thinking", check=sent_streaming_requests()),
    Case(
        "thinking/thinking_with_tools.py",
        "thinking_tool_use",
        check=passed_the_thinking_back_unchanged,
    ),
    Case("thinking/altered_thinking_refused.py", "thinking_tool_use", check=answered(200, 400)),
]
