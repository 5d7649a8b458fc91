"""The stand-in's streams carry every field that streams recorded from the real API carry.

The list below is written from the streams the SDK's own repository keeps as test fixtures
(``tests/lib/streaming/fixtures/``: basic, tool use, refusal, server tool use, stop details,
message_delta fields) and from streams recorded on the wire. For each kind of stream the stand-in
can send, every listed field must be there: a client that reads one (``caller``,
``stop_details``, ``service_tier``...) meets it here as it will in production.
"""

from __future__ import annotations

import json
from typing import Any

import httpx2
import pytest

from standin import StandIn
from standin.validation import CURRENT_VERSION
from tests.support.clients import tls
from tests.support.settings import FAKE_KEY, MODEL

MESSAGE_START = [
    "message.id",
    "message.type",
    "message.role",
    "message.content",
    "message.model",
    "message.stop_reason",
    "message.stop_sequence",
    "message.stop_details",
    "message.usage.input_tokens",
    "message.usage.cache_creation_input_tokens",
    "message.usage.cache_read_input_tokens",
    "message.usage.cache_creation.ephemeral_5m_input_tokens",
    "message.usage.cache_creation.ephemeral_1h_input_tokens",
    "message.usage.output_tokens",
    "message.usage.service_tier",
]
MESSAGE_DELTA = [
    "delta.stop_reason",
    "delta.stop_sequence",
    "delta.stop_details",
    "usage.input_tokens",
    "usage.cache_creation_input_tokens",
    "usage.cache_read_input_tokens",
    "usage.output_tokens",
]
# (event type, the delta or block type it carries) -> fields every such event must have.
RECORDED: dict[tuple[str, str], list[str]] = {
    ("message_start", ""): MESSAGE_START,
    ("content_block_start", "text"): ["index", "content_block.type", "content_block.text"],
    ("content_block_start", "tool_use"): [
        "index",
        "content_block.id",
        "content_block.name",
        "content_block.input",
        "content_block.caller.type",
    ],
    ("content_block_start", "thinking"): ["content_block.thinking", "content_block.signature"],
    ("content_block_start", "server_tool_use"): [
        "content_block.id",
        "content_block.name",
        "content_block.input",
    ],
    ("content_block_delta", "text_delta"): ["index", "delta.type", "delta.text"],
    ("content_block_delta", "input_json_delta"): ["index", "delta.partial_json"],
    ("content_block_delta", "thinking_delta"): ["delta.thinking"],
    ("content_block_delta", "signature_delta"): ["delta.signature"],
    ("content_block_stop", ""): ["index"],
    ("message_delta", ""): MESSAGE_DELTA,
    ("message_stop", ""): ["type"],
}
# Fields only some streams carry, by scenario.
EXTRA: dict[str, list[tuple[str, str]]] = {
    "thinking": [("message_delta", "usage.output_tokens_details.thinking_tokens")],
    "web_search": [
        ("message_delta", "usage.server_tool_use.web_search_requests"),
        ("message_delta", "usage.server_tool_use.web_fetch_requests"),
    ],
    "refusal": [
        ("message_delta", "delta.stop_details.type"),
        ("message_delta", "delta.stop_details.category"),
        ("message_delta", "delta.stop_details.explanation"),
    ],
    "overloaded_mid_stream": [
        ("error", "error.type"),
        ("error", "error.message"),
        ("error", "error.details"),
    ],
}
SCENARIOS = ["text", "tool_use", "thinking", "web_search", "refusal", "overloaded_mid_stream"]


def _has(payload: Any, dotted: str) -> bool:
    for key in dotted.split("."):
        if not isinstance(payload, dict) or key not in payload:
            return False
        payload = payload[key]
    return True


def _stream(scenario: str) -> str:
    """The raw text of a streamed reply to a plain "Hello", as the scenario answers it."""
    headers = {"x-api-key": FAKE_KEY, "anthropic-version": CURRENT_VERSION}
    body = {
        "model": MODEL,
        "max_tokens": 1024,
        "stream": True,
        "messages": [{"role": "user", "content": "Hello"}],
    }
    with StandIn(scenario) as api:
        response = httpx2.post(
            f"{api.url}/v1/messages", headers=headers, json=body, timeout=30, verify=tls()
        )
    return response.text


def _events(scenario: str) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for block in _stream(scenario).split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in lines:
            found.append((lines["event"], json.loads(lines["data"])))
    return found


def _kind(data: dict[str, Any]) -> str:
    return (
        data.get("content_block", data.get("delta", {})).get("type", "")
        if data.get("type") in ("content_block_start", "content_block_delta")
        else ""
    )


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_recorded_field_is_sent(scenario: str) -> None:
    events = _events(scenario)
    assert events, f"{scenario}: no events"
    missing = [
        f"{name}[{_kind(data)}].{field}"
        for name, data in events
        for field in RECORDED.get((name, _kind(data)), [])
        if not _has(data, field)
    ]
    for name, field in EXTRA.get(scenario, []):
        if not any(n == name and _has(d, field) for n, d in events):
            missing.append(f"{name}.{field}")
    assert not missing, f"{scenario}: fields the recorded streams carry are missing: {missing}"


def test_tool_input_and_thinking_end_as_recorded() -> None:
    """A tool's input starts with an empty fragment; thinking ends with an empty
    thinking_delta just before its signature_delta."""
    tool = [d["delta"] for n, d in _events("tool_use") if n == "content_block_delta"]
    first_json = next(d for d in tool if d["type"] == "input_json_delta")
    assert first_json["partial_json"] == ""
    thinking = [d["delta"] for n, d in _events("thinking") if n == "content_block_delta"]
    at = next(i for i, d in enumerate(thinking) if d["type"] == "signature_delta")
    assert thinking[at - 1] == {"type": "thinking_delta", "thinking": ""}


def test_some_data_lines_are_padded_before_the_closing_brace() -> None:
    """As on the real wire: JSON readers do not care, exact string matches break."""
    text = _stream("text")
    padded = [line for line in text.splitlines() if line.endswith(" }")]
    assert any('"message_stop"' in line for line in padded), text[-300:]
    assert all(json.loads(line.removeprefix("data: ")) for line in padded)
