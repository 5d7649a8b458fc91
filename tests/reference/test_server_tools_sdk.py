"""The server tools page's statements about the SDK hold for the installed one: the web search
tool's type, the blocks a search streams and their fields, the citation of a result, and the
search count in usage."""

from __future__ import annotations

import typing
from pathlib import Path

import anthropic.types
from anthropic.types import (
    CitationsWebSearchResultLocation,
    MessageDeltaUsage,
    ServerToolUsage,
    ServerToolUseBlock,
    StopReason,
    WebSearchResultBlock,
    WebSearchToolResultBlock,
)
from anthropic.types.web_search_tool_20260318_param import WebSearchTool20260318Param

from tests.support.paths import SNIPPETS

SNIPPET_TOOL_TYPE = "web_search_20260318"
TYPES = Path(anthropic.types.__file__).parent


def test_the_examples_offer_the_newest_tool_type_the_sdk_names() -> None:
    hints = typing.get_type_hints(WebSearchTool20260318Param)
    assert typing.get_args(hints["type"]) == (SNIPPET_TOOL_TYPE,)
    versions = sorted(p.name for p in TYPES.glob("web_search_tool_2*_param.py"))
    assert versions[-1] == f"web_search_tool_{SNIPPET_TOOL_TYPE.rsplit('_', 1)[1]}_param.py"
    for path in (SNIPPETS / "server-tools").glob("*.py"):
        assert f'"type": "{SNIPPET_TOOL_TYPE}"' in path.read_text(encoding="utf-8"), path


def test_the_blocks_have_the_fields_the_page_names() -> None:
    assert {"id", "name", "input"} <= set(ServerToolUseBlock.model_fields)
    assert {"tool_use_id", "content"} <= set(WebSearchToolResultBlock.model_fields)
    assert {"title", "url", "encrypted_content", "page_age"} <= set(
        WebSearchResultBlock.model_fields
    )
    assert set(CitationsWebSearchResultLocation.model_fields) == {
        "type",
        "url",
        "title",
        "cited_text",
        "encrypted_index",
    }


def test_usage_counts_searches_and_pause_turn_is_a_stop_reason() -> None:
    assert MessageDeltaUsage.model_fields["server_tool_use"].annotation is not None
    assert "web_search_requests" in ServerToolUsage.model_fields
    assert "pause_turn" in typing.get_args(StopReason)
