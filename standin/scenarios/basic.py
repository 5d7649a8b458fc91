"""The happy paths: plain text, tool use, thinking, citations, server tools."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..replies import (
    FromRequest,
    MessageReply,
    RedactedThinking,
    ServerToolUse,
    Text,
    Thinking,
    ToolUse,
    text,
)
from .model import Scenario

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
)

WEATHER_TOOL_CALL = MessageReply(
    blocks=(
        Text(("I'll", " look", " up", " the", " weather", " in", " Paris", ".")),
        ToolUse("get_weather", ("", '{"city"', ': "Par', 'is", "unit', '": "celsius"}')),
    ),
    stop_reason="tool_use",
)

WEATHER_ANSWER = text("It", " is", " 18", " °C", " and", " sunny", " in", " Paris", ".")

THINKING = MessageReply(
    blocks=(
        Thinking(("The user wants", " 27 times 453.", " 27 x 453 = 12,231.")),
        Text(("27", " ×", " 453", " =", " 12,231", ".")),
    ),
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
)

WEB_SEARCH = MessageReply(
    blocks=(
        ServerToolUse(
            "streaming http responses",
            (
                {
                    "type": "web_search_result",
                    "title": "Server-sent events",
                    "url": "https://example.com/sse",
                    "encrypted_content": "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5",
                    "page_age": None,
                },
            ),
        ),
        Text(("Server-sent", " events", " stream", " text", " over", " HTTP", ".")),
    ),
)

REDACTED = MessageReply(blocks=(RedactedThinking(), Text(("Done", "."))))

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
)

# Generation ends because the context window is full, part-way through the answer.
CONTEXT_FULL = replace(
    text(*HAIKU.blocks[0].chunks[:6]), stop_reason="model_context_window_exceeded"
)


def _until_stop_sequence(body: dict[str, Any]) -> MessageReply:
    """The haiku, with the request's first stop sequence written part-way: the service ends
    the reply there (``stop_reason: "stop_sequence"``) and leaves the sequence out."""
    stops = body.get("stop_sequences") or []
    if not stops:
        return HAIKU
    chunks = HAIKU.blocks[0].chunks
    return text(*chunks[:7], stops[0], *chunks[7:])


SCENARIOS: dict[str, Scenario] = {
    "text": Scenario("A short text answer (a haiku), streamed in word-sized deltas.", (HAIKU,)),
    "tool_use": Scenario(
        "A tool call (get_weather) with its input in input_json_delta fragments, then the "
        "answer once the tool_result comes back.",
        (WEATHER_TOOL_CALL, WEATHER_ANSWER),
    ),
    "thinking": Scenario("Thinking deltas, a signature, then the answer.", (THINKING,)),
    "citations": Scenario("A text block with a citations_delta.", (CITED,)),
    "web_search": Scenario("A server tool call and its result block, then text.", (WEB_SEARCH,)),
    "redacted_thinking": Scenario("A redacted_thinking block, then text.", (REDACTED,)),
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
}
