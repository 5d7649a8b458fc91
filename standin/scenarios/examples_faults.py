"""Replies that catch the mistakes an example can make and still pass on the common path.

Each one is here because an example once went wrong on it: a counter compared with ``==``
that a delta carrying several lines jumps past, a tool loop that crashes when the model sends
an argument the tool does not take, a resume that retries an error no retry can fix, a
program that calls a reply whole when it stopped at ``max_tokens`` or was refused.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..replies import Cut, MessageReply, Text, ToolUse, text
from .basic import HAIKU, WEATHER_ANSWER
from .faults import AFTER_SOME_TEXT
from .features import STORY_TEXT
from .model import Scenario

# The forty numbered lines of ``slow_counting``, two to a delta: a count of lines goes from 2
# to 4 without ever being 3.
COUNTING_TWO_LINES_PER_DELTA = text(
    *(f"Line {n}.\nLine {n + 1}.\n" for n in range(1, 41, 2)), event_delay=0.1
)

# The model passes an argument the tool does not declare ("country"); told of the error, it
# calls again with the city alone, then answers.
WEATHER_CALL_UNKNOWN_ARGUMENT = MessageReply(
    blocks=(
        Text(("I'll", " look", " up", " the", " weather", " in", " Paris", ".")),
        ToolUse("get_weather", ("", '{"city": "Paris", ', '"country": "France"}')),
    ),
    stop_reason="tool_use",
)
WEATHER_CALL_RETRIED = MessageReply(
    blocks=(
        Text(("That", " failed", ";", " trying", " with", " the", " city", " alone", ".")),
        ToolUse("get_weather", ("", '{"city": "Paris"}')),
    ),
    stop_reason="tool_use",
)

# The 58-word story ten times over, one word per delta: longer than a max_tokens of 512, so the
# stand-in stops it there with stop_reason "max_tokens", as the service does.
LONG_STORY = text(*re.findall(r"\s*\S+", " ".join([STORY_TEXT] * 10)))

SCENARIOS: dict[str, Scenario] = {
    "slow_counting_two_lines_per_delta": Scenario(
        "Forty numbered lines, two lines in each text delta, one event every 100 ms.",
        (COUNTING_TWO_LINES_PER_DELTA,),
    ),
    "tool_use_unknown_argument": Scenario(
        "A get_weather call with an argument the tool does not declare (country); after the "
        "tool_result, a call with the city alone; then the answer.",
        (WEATHER_CALL_UNKNOWN_ARGUMENT, WEATHER_CALL_RETRIED, WEATHER_ANSWER),
    ),
    "invalid_request_mid_stream": Scenario(
        "A 200 stream that sends some text, then an error event (invalid_request_error): an "
        "error that asking again cannot fix.",
        (
            replace(
                HAIKU,
                cut=Cut(
                    AFTER_SOME_TEXT,
                    "error",
                    error_type="invalid_request_error",
                    error_message="The request could not be completed as sent",
                ),
            ),
        ),
    ),
    "long_story": Scenario(
        "A 580-word story, one word per delta: cut by any max_tokens below that, with "
        'stop_reason "max_tokens".',
        (LONG_STORY,),
    ),
}
