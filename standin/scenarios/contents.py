"""The reply bodies scenarios are made of: texts, tool calls, thinking, and their pacing.

Kept apart from the scenarios so that a whole answer and the same answer broken part-way
(``broken_streams``) or preceded by an HTTP error (``http_errors``) share one body. Each body
says what question it answers (``answers``): words one of which the request's question must
hold, so no page shows an answer beside another question (``fit.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..replies import (
    ANY_QUESTION,
    MessageReply,
    RedactedThinking,
    ServerToolUse,
    Text,
    Thinking,
    ToolUse,
    json_text,
    text,
)

HAIKU = text(
    "Rivers",
    " carry",
    " light",
    "\n",
    "stone",
    " by",
    " stone",
    " toward",
    " the",
    " sea",
    "\n",
    "each",
    " bend",
    " a",
    " new",
    " song",
    # Any haiku: the river in it fits a request for one about anything.
    answers=("haiku",),
)

# The next turns of a conversation that asked for the haiku: "now one about the sea", "and one
# about rain".
SEA_HAIKU = text(
    "Salt",
    " wind",
    " on",
    " the",
    " tide",
    "\n",
    "waves",
    " fold",
    " over",
    " waves",
    " and",
    " pull",
    " back",
    "\n",
    "the",
    " shore",
    " keeps",
    " nothing",
    answers=("sea",),
)
RAIN_HAIKU = text(
    "Rain",
    " on",
    " the",
    " tin",
    " roof",
    "\n",
    "counting",
    " what",
    " the",
    " clouds",
    " let",
    " go",
    "\n",
    "one",
    " drop",
    " at",
    " a",
    " time",
    answers=("rain",),
)

# A one-sentence summary of a short text about rivers ("Summarize in one sentence: ...").
SUMMARY = text(
    "Rivers",
    " slowly",
    " carve",
    " valleys",
    " over",
    " vast",
    " spans",
    " of",
    " time",
    ".",
    answers=("summarize",),
)

WEATHER_TOOL_CALL = MessageReply(
    blocks=(
        Text(("I'll", " look", " up", " the", " weather", " in", " Paris", ".")),
        ToolUse("get_weather", ("", '{"city"', ': "Par', 'is", "unit', '": "celsius"}')),
    ),
    stop_reason="tool_use",
    answers=("weather",),
)

WEATHER_ANSWER = text(
    "It", " is", " 18", " °C", " and", " sunny", " in", " Paris", ".", answers=("weather",)
)

THINKING = MessageReply(
    blocks=(
        Thinking(("The user wants", " 27 times 453.", " 27 x 453 = 12,231.")),
        Text(("27", " ×", " 453", " =", " 12,231", ".")),
    ),
    answers=("27 times 453",),
)

CITED = MessageReply(
    blocks=(
        Text(
            ("The", " grass", " is", " green", "."),
            citations=(
                {
                    "type": "char_location",
                    "cited_text": "The grass is green.",
                    "document_index": 0,
                    "document_title": "Nature facts",
                    "start_char_index": 0,
                    "end_char_index": 19,
                },
            ),
        ),
    ),
    answers=("grass",),
)

# Web search, as recorded streams carry it: a line of text, the server_tool_use call with its
# input in fragments, the web_search_tool_result block whole, then text whose citations
# (web_search_result_location) point at a result by its url and encrypted_index.
SSE_RESULT = {
    "type": "web_search_result",
    "title": "Server-sent events",
    "url": "https://example.com/server-sent-events",
    "encrypted_content": "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5",
    "page_age": "March 3, 2026",
}
CHUNKED_RESULT = {
    "type": "web_search_result",
    "title": "Chunked transfer encoding",
    "url": "https://example.com/chunked-transfer-encoding",
    "encrypted_content": "EpcCCioIARgBIiRkZDYyNGU0Ny0wOGRk",
    "page_age": None,
}


def web_citation(result: dict[str, object], cited_text: str) -> dict[str, object]:
    """A citation of a search result, as a text block carries it."""
    return {
        "type": "web_search_result_location",
        "cited_text": cited_text,
        "url": result["url"],
        "title": result["title"],
        "encrypted_index": "Eo8BCioIAhgBIiQ" + str(result["encrypted_content"])[-8:],
    }


SEARCH_PREFACE = Text(("I'll", " search", " the", " web", " for", " that", "."))
WEB_SEARCH = MessageReply(
    blocks=(
        SEARCH_PREFACE,
        ServerToolUse("how is text streamed over HTTP", (SSE_RESULT,)),
        Text(
            (
                "Server-sent",
                " events",
                " stream",
                " text",
                " over",
                " one",
                " HTTP",
                " response",
                ".",
            ),
            citations=(
                web_citation(SSE_RESULT, "Server-sent events send a stream of text events."),
            ),
        ),
    ),
    answers=("streamed over HTTP",),
)

# The search fails (the service answers the call with a web_search_tool_result_error: here
# "unavailable"), and the model answers from what it knows, citing nothing.
WEB_SEARCH_FAILED = MessageReply(
    blocks=(
        SEARCH_PREFACE,
        ServerToolUse("how is text streamed over HTTP", (), error_code="unavailable"),
        Text(
            (
                "The",
                " search",
                " failed;",
                " from",
                " what",
                " I",
                " know:",
                " server-sent",
                " events",
                " stream",
                " text",
                " over",
                " one",
                " HTTP",
                " response",
                ".",
            )
        ),
    ),
    answers=("streamed over HTTP",),
)

# A turn the service paused (stop_reason "pause_turn") after its first search; sent back as
# the assistant turn, it goes on with a second search and the answer, citing both.
WEB_SEARCH_PAUSED = MessageReply(
    blocks=(SEARCH_PREFACE, ServerToolUse("server-sent events", (SSE_RESULT,))),
    stop_reason="pause_turn",
    answers=("streamed over HTTP",),
)
WEB_SEARCH_CONTINUED = MessageReply(
    blocks=(
        ServerToolUse("chunked transfer encoding", (CHUNKED_RESULT,)),
        Text(
            (
                "Server-sent",
                " events",
                " send",
                " text",
                " events",
                " over",
                " one",
                " response",
                ",",
            ),
            citations=(
                web_citation(SSE_RESULT, "Server-sent events send a stream of text events."),
            ),
        ),
        Text(
            (" which", " HTTP/1.1", " delivers", " in", " chunks", "."),
            citations=(web_citation(CHUNKED_RESULT, "The body is sent as a series of chunks."),),
        ),
    ),
    answers=("streamed over HTTP",),
)

# A structured output (output_config.format): facts about a river as JSON, which fits a schema
# of three required fields (name, country, length_km) with no others.
RIVER_JSON = replace(
    json_text('{"name": "Seine", "country": "France", "length_km": 777}'), answers=("Seine",)
)

# With thinking on, the service sends a redacted_thinking block in place of a thinking block
# when part of the thinking was redacted for safety (SDK: RedactedThinkingBlock.data); no
# request asks for it.
REDACTED = replace(THINKING, blocks=(RedactedThinking(), THINKING.blocks[1]))

# A refusal as recorded streams carry it: an empty text block (started and stopped with no
# delta), stop_reason "refusal" and stop_details naming the policy category.
REFUSAL = MessageReply(
    blocks=(Text(()),),
    stop_reason="refusal",
    stop_details={
        "type": "refusal",
        "category": "cyber",
        "explanation": "This request was refused due to policy.",
    },
    # Refused before any word of an answer: it fits whatever was asked.
    answers=ANY_QUESTION,
)

# Generation ends because the context window is full, part-way through the answer.
CONTEXT_FULL = replace(
    HAIKU,
    blocks=(Text(HAIKU.blocks[0].chunks[:6]),),
    stop_reason="model_context_window_exceeded",
)

TIME_TOOL_CALL = MessageReply(
    blocks=(
        Text(("I'll", " check", " the", " clock", ".")),
        ToolUse("get_current_time", ("",)),
    ),
    stop_reason="tool_use",
    answers=("time",),
)

TIME_ANSWER = text("It", " is", " 14:05", " UTC", ".", answers=("time",))

# With a weather tool offered, adaptive thinking decides that no call is needed and answers
# from what the model knows.
THINKING_WEATHER_ANSWER = MessageReply(
    blocks=(
        Thinking(
            (
                "The user asks about",
                " the weather in Paris;",
                " a typical answer needs no lookup.",
            )
        ),
        Text(("Paris", " is", " usually", " mild", ":", " about", " 15", " °C", ".")),
    ),
    answers=("weather",),
)

THINKING_TOOL_CALL = MessageReply(
    blocks=(
        Thinking(("The user asks about", " the weather in Paris;", " get_weather can tell me.")),
        ToolUse("get_weather", ("", '{"city": "Pa', 'ris"}')),
    ),
    stop_reason="tool_use",
    answers=("weather",),
)

# A 58-word story, one word per delta: long enough that a reader (or a browser) can leave part-way.
STORY_TEXT = (
    "Once upon a time a small lighthouse stood at the edge of a grey sea. Every night its "
    "keeper climbed ninety steps to light the lamp, and every morning he wrote one line in a "
    "logbook that nobody read. Ships passed, storms came and went, and the lamp never failed "
    "once in forty years of long dark winters."
)
STORY = text(*re.findall(r"\s*\S+", STORY_TEXT), answers=("story",))

# The forty numbered lines of ``slow_counting``, two to a delta: a count of lines goes from 2
# to 4 without ever being 3.
COUNTING_TWO_LINES_PER_DELTA = text(
    *(f"Line {n}.\nLine {n + 1}.\n" for n in range(1, 41, 2)), event_delay=0.1, answers=("count",)
)

# The model passes an argument the tool does not declare ("country"); told of the error, it
# calls again with the city alone, then answers.
WEATHER_CALL_UNKNOWN_ARGUMENT = MessageReply(
    blocks=(
        Text(("I'll", " look", " up", " the", " weather", " in", " Paris", ".")),
        ToolUse("get_weather", ("", '{"city": "Paris", ', '"country": "France"}')),
    ),
    stop_reason="tool_use",
    answers=("weather",),
)
WEATHER_CALL_RETRIED = MessageReply(
    blocks=(
        Text(("That", " failed", ";", " trying", " with", " the", " city", " alone", ".")),
        ToolUse("get_weather", ("", '{"city": "Paris"}')),
    ),
    stop_reason="tool_use",
    answers=("weather",),
)

# Forty numbers on one line, one event every 50 ms: a count with no newline in it.
COUNTING_ON_ONE_LINE = text(
    "1", *(f", {n}" for n in range(2, 41)), ".", event_delay=0.05, answers=("count",)
)

# The 58-word story ten times over, one word per delta: longer than a max_tokens of 512, so the
# stand-in stops it there with stop_reason "max_tokens", as the service does.
LONG_STORY = text(*re.findall(r"\s*\S+", " ".join([STORY_TEXT] * 10)), answers=("story",))

# The haiku, paced: one event every 100 ms (about 2 s in all), so there is time to stop it.
SLOW_HAIKU = replace(HAIKU, event_delay=0.1)

# A long answer, paced, for cancellation: 40 numbered lines, one event every 100 ms.
COUNTING = text(*(f"Line {n}.\n" for n in range(1, 41)), event_delay=0.1, answers=("count",))

# message_start, content_block_start, then three text deltas have been sent.
AFTER_SOME_TEXT = 5
