"""Beyond plain text: tools without arguments, thinking with tools, slow streams, odd framing."""

from __future__ import annotations

import re
from dataclasses import replace

from ..replies import Cut, Framing, MessageReply, Text, Thinking, ToolUse, text
from .basic import HAIKU, WEATHER_ANSWER
from .model import Scenario

TIME_TOOL_CALL = MessageReply(
    blocks=(
        Text(("I'll", " check", " the", " clock", ".")),
        ToolUse("get_current_time", ("",)),
    ),
    stop_reason="tool_use",
)

TIME_ANSWER = text("It", " is", " 14:05", " UTC", ".")

THINKING_TOOL_CALL = MessageReply(
    blocks=(
        Thinking(("The user asks about", " the weather in Paris;", " get_weather can tell me.")),
        ToolUse("get_weather", ("", '{"city": "Pa', 'ris"}')),
    ),
    stop_reason="tool_use",
)

# A 58-word story, one word per delta: long enough that a reader (or a browser) can leave part-way.
STORY_TEXT = (
    "Once upon a time a small lighthouse stood at the edge of a grey sea. Every night its "
    "keeper climbed ninety steps to light the lamp, and every morning he wrote one line in a "
    "logbook that nobody read. Ships passed, storms came and went, and the lamp never failed "
    "once in forty years of long dark winters."
)
STORY = text(*re.findall(r"\s*\S+", STORY_TEXT))

SCENARIOS: dict[str, Scenario] = {
    "tool_no_arguments": Scenario(
        "A call to a tool that takes no arguments: its input arrives as one empty "
        'input_json_delta (""), meaning {}; then the answer once the tool_result is sent.',
        (TIME_TOOL_CALL, TIME_ANSWER),
    ),
    "thinking_tool_use": Scenario(
        "Thinking, then a get_weather call; the answer once the tool_result comes back (the "
        "thinking block sent back must be unchanged, or its signature fails: HTTP 400).",
        (THINKING_TOOL_CALL, WEATHER_ANSWER),
    ),
    "slow_story": Scenario(
        "A 58-word story sent one event every 50 ms (about 3 s in all).",
        (replace(STORY, event_delay=0.05),),
    ),
    "slow_story_for_browsers": Scenario(
        "The 58-word story sent one event every 150 ms (about 10 s in all).",
        (replace(STORY, event_delay=0.15),),
    ),
    "story_then_overloaded": Scenario(
        "The story starts, then an overloaded_error event arrives mid-stream.",
        (replace(STORY, event_delay=0.05, cut=Cut(12, "error")),),
    ),
    "framed_cr_seven_bytes": Scenario(
        "The haiku with bare CR line endings, written in 7-byte HTTP chunks.",
        (replace(HAIKU, framing=Framing("\r", 7)),),
    ),
}
