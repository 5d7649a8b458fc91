"""Whole answers: 200 streams that end with message_stop, however paced or framed.

The rule for where a scenario lives (``tests/standin/test_scenario_modules.py`` holds it):
look at its first reply. A whole stream is an answer, here; a 200 stream that breaks part-way
(an error event, a cut, a stall, events out of order) is in ``broken_streams``; an HTTP error
status is in ``http_errors``. The bodies they share are in ``contents``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..replies import Framing, FromRequest, MessageReply, Pause, Text
from .contents import (
    AFTER_SOME_TEXT,
    CITED,
    CONTEXT_FULL,
    COUNTING,
    COUNTING_ON_ONE_LINE,
    COUNTING_TWO_LINES_PER_DELTA,
    HAIKU,
    LONG_STORY,
    RAIN_HAIKU,
    REDACTED,
    REFUSAL,
    RIVER_JSON,
    SEA_HAIKU,
    SLOW_HAIKU,
    STORY,
    SUMMARY,
    THINKING,
    THINKING_TOOL_CALL,
    THINKING_WEATHER_ANSWER,
    TIME_ANSWER,
    TIME_TOOL_CALL,
    WEATHER_ANSWER,
    WEATHER_CALL_RETRIED,
    WEATHER_CALL_UNKNOWN_ARGUMENT,
    WEATHER_TOOL_CALL,
    WEB_SEARCH,
    WEB_SEARCH_CONTINUED,
    WEB_SEARCH_FAILED,
    WEB_SEARCH_PAUSED,
)
from .model import Scenario

# The haiku in two text deltas: a short answer whose every event fits on a page.
HAIKU_IN_TWO_DELTAS = Text(
    ("Rivers carry light\nstone by stone toward the sea\n", "each bend a new song")
)


def _until_stop_sequence(body: dict[str, Any]) -> MessageReply:
    """The haiku, with the request's first stop sequence written part-way: the service ends
    the reply there (``stop_reason: "stop_sequence"``) and leaves the sequence out."""
    stops = body.get("stop_sequences") or []
    if not stops:
        return HAIKU
    chunks = HAIKU.blocks[0].chunks
    return replace(HAIKU, blocks=(Text((*chunks[:7], stops[0], *chunks[7:])),))


SCENARIOS: dict[str, Scenario] = {
    "text": Scenario("A short text answer (a haiku), streamed in word-sized deltas.", (HAIKU,)),
    "delta_usage_output_only": Scenario(
        "The haiku, with message_delta's usage holding output_tokens alone: the input and cache "
        "counts are only in message_start, as the Streaming Messages page's sample sends them.",
        (replace(HAIKU, delta_usage_output_only=True),),
    ),
    "haiku_conversation": Scenario(
        "A haiku for each turn of a conversation: about rivers, then the sea, then rain.",
        (HAIKU, SEA_HAIKU, RAIN_HAIKU),
    ),
    "summary": Scenario("A one-sentence summary of a short text about rivers.", (SUMMARY,)),
    "story": Scenario("A 58-word story, one word per delta.", (STORY,)),
    "tool_use": Scenario(
        "A tool call (get_weather) with its input in input_json_delta fragments, then the "
        "answer once the tool_result comes back.",
        (WEATHER_TOOL_CALL, WEATHER_ANSWER),
    ),
    "tool_no_arguments": Scenario(
        "A call to a tool that takes no arguments: its input arrives as one empty "
        'input_json_delta (""), meaning {}; then the answer once the tool_result is sent.',
        (TIME_TOOL_CALL, TIME_ANSWER),
    ),
    # An example once crashed when the model sent an argument the tool does not declare.
    "tool_use_unknown_argument": Scenario(
        "A get_weather call with an argument the tool does not declare (country); after the "
        "tool_result, a call with the city alone; then the answer.",
        (WEATHER_CALL_UNKNOWN_ARGUMENT, WEATHER_CALL_RETRIED, WEATHER_ANSWER),
    ),
    "thinking": Scenario("Thinking deltas, a signature, then the answer.", (THINKING,)),
    "thinking_without_tool": Scenario(
        "Thinking, then an answer about the weather with no call to the tool offered.",
        (THINKING_WEATHER_ANSWER,),
    ),
    "thinking_tool_use": Scenario(
        "Thinking, then a get_weather call; the answer once the tool_result comes back (the "
        "thinking block sent back must be unchanged, or its signature fails: HTTP 400).",
        (THINKING_TOOL_CALL, WEATHER_ANSWER),
    ),
    "redacted_thinking": Scenario(
        "Thinking the service redacted (a redacted_thinking block), then the answer.",
        (REDACTED,),
    ),
    "citations": Scenario("A text block with a citations_delta.", (CITED,)),
    "web_search": Scenario(
        "A web search: a line of text, the server_tool_use call (input in input_json_delta "
        "fragments), its web_search_tool_result block whole, then text with a citations_delta "
        "(web_search_result_location).",
        (WEB_SEARCH,),
    ),
    "web_search_error": Scenario(
        "A web search that fails: the web_search_tool_result block's content is one "
        "web_search_tool_result_error (error_code unavailable), not a list; then text that "
        "cites nothing.",
        (WEB_SEARCH_FAILED,),
    ),
    "web_search_pause_turn": Scenario(
        'A web search paused after its first search (stop_reason "pause_turn"); the request sent '
        "again with that turn appended gets a second search and the cited answer.",
        (WEB_SEARCH_PAUSED, WEB_SEARCH_CONTINUED),
    ),
    "structured_output": Scenario(
        "A JSON answer for an output_config.format request: facts about a river (name, country, "
        "length_km), in deltas of about a token.",
        (RIVER_JSON,),
    ),
    "refusal": Scenario(
        "A refusal: an empty text block, stop_reason refusal and stop_details.", (REFUSAL,)
    ),
    "stop_sequence": Scenario(
        "The haiku, ended part-way by the request's first stop_sequences entry.",
        (FromRequest(_until_stop_sequence),),
    ),
    "model_context_window_exceeded": Scenario(
        "Part of the haiku, then stop_reason model_context_window_exceeded.", (CONTEXT_FULL,)
    ),
    # A program once called a reply whole when it had stopped at max_tokens.
    "long_story": Scenario(
        "A 580-word story, one word per delta: cut by any max_tokens below that, with "
        'stop_reason "max_tokens".',
        (LONG_STORY,),
    ),
    "unknown_event": Scenario(
        "The haiku with an event type the client does not know (future_event) mid-stream.",
        (replace(HAIKU, unknown_events=(AFTER_SOME_TEXT,)),),
    ),
    "unknown_event_before_text": Scenario(
        "The haiku in two deltas, with an event type no client knows yet before the first.",
        (replace(HAIKU, blocks=(HAIKU_IN_TWO_DELTAS,), unknown_events=(2,)),),
    ),
    "pings_during_pause": Scenario(
        "Some text, then 20 seconds with no content but a ping every 200 ms, then the rest.",
        (replace(HAIKU, pauses=(Pause(AFTER_SOME_TEXT, 20.0, ping_every=0.2),)),),
    ),
    "slow_text": Scenario("The haiku, one event every 100 ms (about 2 s).", (SLOW_HAIKU,)),
    # Paced enough to tell events sent apart from events held back and sent together (a
    # buffering proxy), short enough for a test run through nginx.
    "paced_text": Scenario(
        "The haiku, one event every 25 ms (about half a second).",
        (replace(HAIKU, event_delay=0.025),),
    ),
    "slow_counting": Scenario(
        "Forty numbered lines, one event every 100 ms (about 4.5 s).", (COUNTING,)
    ),
    # A counter compared with == once missed a delta that carried several lines.
    "slow_counting_two_lines_per_delta": Scenario(
        "Forty numbered lines, two lines in each text delta, one event every 100 ms.",
        (COUNTING_TWO_LINES_PER_DELTA,),
    ),
    "slow_counting_on_one_line": Scenario(
        "Forty numbers on one line, with no newline at all, one event every 50 ms (about 2 s).",
        (COUNTING_ON_ONE_LINE,),
    ),
    "slow_story": Scenario(
        "A 58-word story sent one event every 50 ms (about 3 s in all).",
        (replace(STORY, event_delay=0.05),),
    ),
    "slow_story_for_browsers": Scenario(
        "The 58-word story sent one event every 150 ms (about 10 s in all).",
        (replace(STORY, event_delay=0.15),),
    ),
    "framed_crlf_one_byte": Scenario(
        "The haiku with CRLF line endings, each byte in its own HTTP chunk.",
        (replace(HAIKU, framing=Framing("\r\n", 1)),),
    ),
    "framed_cr_seven_bytes": Scenario(
        "The haiku with bare CR line endings, written in 7-byte HTTP chunks.",
        (replace(HAIKU, framing=Framing("\r", 7)),),
    ),
}
