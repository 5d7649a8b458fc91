"""The happy paths: plain text, tool use, thinking, citations, server tools."""

from __future__ import annotations

from ..replies import (
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
}
