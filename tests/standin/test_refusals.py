"""The stand-in refuses the requests the real API refuses: tool loops, thinking, prefill, empty
text, and malformed shapes, each with the status and error type the service answers with.

Every refusal is sent twice: as raw HTTP (status, error type and body shape), and through the
installed SDK (the exception a reader's code would catch). A second table holds requests that
must still be accepted, so that no rule refuses more than the service does.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import anthropic
import httpx2
import pytest

from standin import StandIn
from standin.rules.models import MAX_OUTPUT_TOKENS
from standin.signatures import sign
from tests.support.clients import sdk, tls
from tests.support.settings import HEADERS, MODEL

PREFILL_MODEL = "claude-haiku-4-5"  # Claude 4.5: still continues a prefill
WEATHER = {
    "name": "get_weather",
    "description": "Current weather for a city.",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}},
}
ASK = {"role": "user", "content": "What is the weather in Paris?"}
CALL = {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"city": "Paris"}}
RESULT = {"type": "tool_result", "tool_use_id": "toolu_01", "content": "18 °C, sunny"}
THOUGHT = "The user asks about the weather in Paris."
THINKING_BLOCK = {"type": "thinking", "thinking": THOUGHT, "signature": sign(THOUGHT)}
ADAPTIVE = {"type": "adaptive"}


def body(**fields: Any) -> dict[str, Any]:
    """A valid request, with ``fields`` replacing or adding top-level fields."""
    return {
        "model": MODEL,
        "max_tokens": 64,
        "messages": [{"role": "user", "content": "Hi"}],
        **fields,
    }


def loop(*turns: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A tool-use conversation: the question, then ``turns``, with the weather tool defined."""
    return body(messages=[ASK, *turns], tools=[WEATHER], **fields)


def assistant(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {"role": "assistant", "content": list(blocks)}


def user(*blocks: dict[str, Any]) -> dict[str, Any]:
    return {"role": "user", "content": list(blocks)}


def text(value: str) -> dict[str, Any]:
    return {"type": "text", "text": value}


def tool(name: str, **extra: Any) -> dict[str, Any]:
    return {**WEATHER, "name": name, **extra}


def without(mapping: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if k != key}


class Refusal(NamedTuple):
    name: str
    body: dict[str, Any]
    message: str  # a part of the error message the service gives
    headers: dict[str, str] | None = None
    status: int = 400
    error_type: str = "invalid_request_error"


REFUSALS = [
    # -- the tool loop sent back -------------------------------------------------------------
    Refusal(
        "tool_result with no tool_use before it",
        loop(assistant(text("Let me check.")), user(RESULT)),
        "unexpected `tool_use_id` found in `tool_result` blocks: toolu_01",
    ),
    Refusal(
        "tool_result answering a different id",
        loop(assistant(CALL), user(RESULT, {**RESULT, "tool_use_id": "toolu_99"})),
        "messages.2.content.1: unexpected `tool_use_id`",
    ),
    Refusal(
        "tool_result in the first turn",
        body(messages=[user(RESULT)], tools=[WEATHER]),
        "messages.0.content.0: unexpected `tool_use_id`",
    ),
    Refusal(
        "tool_use not answered in the next turn",
        loop(assistant(CALL), {"role": "user", "content": "Never mind."}),
        "messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: "
        "toolu_01",
    ),
    Refusal(
        "one of two tool_use ids not answered",
        loop(
            assistant(CALL, {**CALL, "id": "toolu_02"}),
            user(RESULT),
        ),
        "immediately after: toolu_02",
    ),
    Refusal(
        "text before the tool_result",
        loop(assistant(CALL), user(text("Here you go:"), RESULT)),
        "messages.2: Did not find 1 `tool_result` block(s) at the beginning of this message",
    ),
    Refusal(
        "tool blocks with no tools defined",
        without(loop(assistant(CALL), user(RESULT)), "tools"),
        "Requests which include `tool_use` or `tool_result` blocks must define tools.",
    ),
    Refusal(
        "tool_use input not an object",
        loop(assistant({**CALL, "input": "Paris"}), user(RESULT)),
        "messages.1.content.0.tool_use.input: Input should be a valid dictionary",
    ),
    Refusal(
        "tool_use without its id",
        loop(assistant(without(CALL, "id")), user(RESULT)),
        "messages.1.content.0.tool_use.id: Field required",
    ),
    Refusal(
        "tool_result without its tool_use_id",
        loop(assistant(CALL), user(without(RESULT, "tool_use_id"))),
        "messages.2.content.0.tool_result.tool_use_id: Field required",
    ),
    # -- thinking in a tool loop -------------------------------------------------------------
    Refusal(
        "tool call sent back without its thinking block (adaptive)",
        loop(assistant(CALL), user(RESULT), thinking=ADAPTIVE),
        "messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found "
        "`tool_use`",
    ),
    Refusal(
        "tool call sent back without its thinking block (enabled)",
        loop(
            assistant(text("Checking."), CALL),
            user(RESULT),
            model=PREFILL_MODEL,
            max_tokens=4096,
            thinking={"type": "enabled", "budget_tokens": 2048},
        ),
        "but found `text`",
    ),
    Refusal(
        "thinking block edited before it is sent back",
        loop(
            assistant({**THINKING_BLOCK, "thinking": THOUGHT + " Edited."}, CALL),
            user(RESULT),
            thinking=ADAPTIVE,
        ),
        "messages.1.content.0: Invalid `signature` in `thinking` block",
    ),
    # -- prefill -----------------------------------------------------------------------------
    Refusal(
        "assistant turn last on a model that refuses prefill",
        body(messages=[ASK, {"role": "assistant", "content": "The weather is"}]),
        "This model does not support assistant message prefill. The conversation must end "
        "with a user message.",
    ),
    # -- empty text --------------------------------------------------------------------------
    Refusal(
        "empty string content",
        body(messages=[{"role": "user", "content": ""}]),
        "messages: text content blocks must be non-empty",
    ),
    Refusal(
        "empty text block",
        body(messages=[user(text(""))]),
        "messages: text content blocks must be non-empty",
    ),
    Refusal(
        "blank text block",
        body(messages=[user(text("  \n"))]),
        "messages: text content blocks must contain non-whitespace text",
    ),
    Refusal(
        "empty content list",
        body(messages=[{"role": "user", "content": []}]),
        "messages.0: all messages must have non-empty content except for the optional final "
        "assistant message",
    ),
    Refusal(
        "empty assistant turn before the last",
        body(messages=[ASK, {"role": "assistant", "content": []}, ASK]),
        "messages.1: all messages must have non-empty content",
    ),
    Refusal(
        "empty system string", body(system=""), "system: text content blocks must be non-empty"
    ),
    Refusal(
        "empty system text block",
        body(system=[text("")]),
        "system: text content blocks must be non-empty",
    ),
    # -- tool definitions and tool_choice ----------------------------------------------------
    Refusal(
        "tool without input_schema",
        body(tools=[without(WEATHER, "input_schema")]),
        "tools.0.custom.input_schema: Field required",
    ),
    Refusal(
        "tool schema not an object",
        body(tools=[tool("get_weather", input_schema={"type": "array"})]),
        "tools.0.custom.input_schema.type: Input should be 'object'",
    ),
    Refusal(
        "tool name with a space",
        body(tools=[tool("get weather")]),
        "tools.0.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'",
    ),
    Refusal(
        "tool name longer than 128",
        body(tools=[tool("t" * 129)]),
        "String should match pattern",
    ),
    Refusal(
        "duplicate tool names",
        body(tools=[WEATHER, WEATHER]),
        "tools: Tool names must be unique.",
    ),
    Refusal(
        "unknown tool type",
        body(tools=[{"type": "teleport_20990101", "name": "teleport"}]),
        "tools.0: Input tag 'teleport_20990101' found using 'type' does not match",
    ),
    Refusal(
        "tool_choice naming an unknown tool",
        body(model=PREFILL_MODEL, tools=[WEATHER], tool_choice={"type": "tool", "name": "x"}),
        "tool_choice.name: no tool named 'x' in tools",
    ),
    Refusal(
        "tool_choice without tools",
        body(tool_choice={"type": "auto"}),
        "tool_choice: may only be specified while providing tools",
    ),
    Refusal(
        "tool_choice of an unknown type",
        body(tools=[WEATHER], tool_choice={"type": "required"}),
        "tool_choice: Input tag 'required' found using 'type' does not match any of the "
        "expected tags: 'auto', 'any', 'tool', 'none'",
    ),
    Refusal(
        "forced tool use on a model that refuses it",
        body(tools=[WEATHER], tool_choice={"type": "any"}),
        "forced tool use ('any') is not supported by claude-sonnet-5-5",
    ),
    # -- blocks ------------------------------------------------------------------------------
    Refusal(
        "unknown block type",
        body(messages=[user({"type": "video", "url": "x"})]),
        "messages.0.content.0: Input tag 'video' found using 'type' does not match",
    ),
    Refusal(
        "extra key in a text block",
        body(messages=[user({**text("Hi"), "colour": "red"})]),
        "messages.0.content.0.text.colour: Extra inputs are not permitted",
    ),
    Refusal(
        "extra key in a message",
        body(messages=[{**ASK, "name": "Ada"}]),
        "messages.0.name: Extra inputs are not permitted",
    ),
    # -- thinking settings -------------------------------------------------------------------
    Refusal(
        "unknown thinking type",
        body(thinking={"type": "deep"}),
        "thinking: Input tag 'deep' found using 'type' does not match any of the expected "
        "tags: 'enabled', 'disabled', 'between_tools', 'adaptive'",
    ),
    Refusal(
        "manual thinking budget on a model that takes only adaptive",
        body(max_tokens=4096, thinking={"type": "enabled", "budget_tokens": 2048}),
        '"thinking.type.enabled" is not supported for this model.',
    ),
    Refusal(
        "adaptive thinking on a Claude 4.5 model",
        body(model=PREFILL_MODEL, thinking=ADAPTIVE),
        "thinking: Input tag 'adaptive' found using 'type' does not match any of the expected "
        "tags: 'disabled', 'enabled'",
    ),
    Refusal(
        "thinking disabled on a model that always thinks",
        body(model="claude-opus-5-5", thinking={"type": "disabled"}),
        "thinking: thinking cannot be disabled for claude-opus-5-5",
    ),
    Refusal(
        "thinking budget below 1024",
        body(
            model=PREFILL_MODEL, max_tokens=4096, thinking={"type": "enabled", "budget_tokens": 512}
        ),
        "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024",
    ),
    Refusal(
        "thinking budget not below max_tokens",
        body(
            model=PREFILL_MODEL,
            max_tokens=2048,
            thinking={"type": "enabled", "budget_tokens": 2048},
        ),
        "max_tokens: must be greater than thinking.budget_tokens",
    ),
    Refusal(
        "budget_tokens on adaptive thinking",
        body(thinking={"type": "adaptive", "budget_tokens": 2048}),
        "thinking.adaptive.budget_tokens: Extra inputs are not permitted",
    ),
    # -- plain settings ----------------------------------------------------------------------
    Refusal("system a number", body(system=5), "system: Input should be a valid string"),
    Refusal(
        "metadata a string", body(metadata="user-1"), "metadata: Input should be a valid dictionary"
    ),
    Refusal(
        "metadata with an unknown key",
        body(metadata={"user_id": "u1", "team": "x"}),
        "metadata.team: Extra inputs are not permitted",
    ),
    Refusal(
        "metadata user_id a number",
        body(metadata={"user_id": 7}),
        "metadata.user_id: Input should be a valid string",
    ),
    Refusal(
        "stop_sequences a string",
        body(stop_sequences="END"),
        "stop_sequences: Input should be a valid list",
    ),
    Refusal(
        "stop_sequences holding a number",
        body(stop_sequences=["END", 7]),
        "stop_sequences.1: Input should be a valid string",
    ),
    Refusal(
        "unknown service_tier",
        body(service_tier="priority"),
        "service_tier: Input should be 'auto' or 'standard_only'",
    ),
    Refusal(
        "max_tokens above the model's output cap",
        body(max_tokens=MAX_OUTPUT_TOKENS + 1),
        f"max_tokens: {MAX_OUTPUT_TOKENS + 1} > {MAX_OUTPUT_TOKENS}, which is the maximum "
        "allowed number of output tokens for claude-sonnet-5-5",
    ),
    # -- headers -----------------------------------------------------------------------------
    Refusal(
        "unknown anthropic-beta value",
        body(),
        "Unexpected value(s) `time-travel-2099-01-01` for the `anthropic-beta` header.",
        headers={"anthropic-beta": "time-travel-2099-01-01"},
    ),
    Refusal(
        "one unknown value among known anthropic-beta values",
        body(),
        "Unexpected value(s) `bogus`",
        headers={"anthropic-beta": "context-1m-2025-08-07, bogus"},
    ),
]

ACCEPTED = [
    ("a whole tool loop", loop(assistant(text("Checking."), CALL), user(RESULT, text("Thanks")))),
    (
        "a tool loop with thinking, sent back unchanged",
        loop(assistant(THINKING_BLOCK, CALL), user(RESULT), thinking=ADAPTIVE),
    ),
    (
        "a tool loop with redacted thinking",
        loop(
            assistant({"type": "redacted_thinking", "data": "EmwKAhgB"}, CALL),
            user(RESULT),
            thinking=ADAPTIVE,
        ),
    ),
    (
        "an earlier tool loop without thinking, thinking on for a plain question",
        loop(
            assistant(CALL),
            user(RESULT),
            {"role": "assistant", "content": "It is sunny."},
            {"role": "user", "content": "Thanks!"},
            thinking=ADAPTIVE,
        ),
    ),
    (
        "a prefill on a Claude 4.5 model",
        body(model=PREFILL_MODEL, messages=[ASK, {"role": "assistant", "content": "The"}]),
    ),
    (
        "an empty final assistant turn on a Claude 4.5 model",
        body(model=PREFILL_MODEL, messages=[ASK, {"role": "assistant", "content": ""}]),
    ),
    ("a system prompt as text blocks", body(system=[text("Be brief.")])),
    (
        "a forced tool on a model that allows it",
        body(
            model=PREFILL_MODEL,
            tools=[WEATHER],
            tool_choice={"type": "tool", "name": "get_weather"},
        ),
    ),
    ("tool_choice none with tools", body(tools=[WEATHER], tool_choice={"type": "none"})),
    ("a custom tool with its type", body(tools=[{**WEATHER, "type": "custom"}])),
    (
        "a server tool beside a custom one",
        body(tools=[WEATHER, {"type": "web_search_20250305", "name": "web_search"}]),
    ),
    (
        "a tool name of 128 characters",
        body(tools=[tool("t" * 128)]),
    ),
    (
        "settings of the right types",
        body(metadata={"user_id": "u1"}, stop_sequences=["END"], service_tier="auto"),
    ),
    (
        "a manual thinking budget on a Claude 4.5 model",
        body(
            model=PREFILL_MODEL,
            max_tokens=4096,
            thinking={"type": "enabled", "budget_tokens": 1024},
        ),
    ),
    ("max_tokens at the output cap", body(max_tokens=MAX_OUTPUT_TOKENS)),
]


@pytest.fixture(scope="module")
def api() -> Any:
    with StandIn("text") as server:
        yield server


def _post(api: StandIn, payload: Any, headers: dict[str, str] | None) -> httpx2.Response:
    return httpx2.post(
        f"{api.url}/v1/messages",
        json=payload,
        headers={**HEADERS, **(headers or {})},
        verify=tls(),
    )


@pytest.mark.parametrize("refusal", REFUSALS, ids=[r.name for r in REFUSALS])
def test_refused_with_the_apis_status_type_and_message(api: StandIn, refusal: Refusal) -> None:
    response = _post(api, refusal.body, refusal.headers)
    payload = response.json()
    assert response.status_code == refusal.status, payload
    assert payload["type"] == "error"
    assert payload["error"]["type"] == refusal.error_type
    assert refusal.message in payload["error"]["message"]
    assert payload["request_id"] == response.headers["request-id"]


@pytest.mark.parametrize(("name", "payload"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_still_accepted(api: StandIn, name: str, payload: dict[str, Any]) -> None:
    response = _post(api, payload, None)
    assert response.status_code == 200, response.text
    assert response.json()["type"] == "message"


def test_known_beta_values_are_accepted(api: StandIn) -> None:
    headers = {"anthropic-beta": "context-1m-2025-08-07,interleaved-thinking-2025-05-14"}
    assert _post(api, body(), headers).status_code == 200


SDK_ERRORS = {400: anthropic.BadRequestError, 404: anthropic.NotFoundError}


@pytest.mark.parametrize("refusal", REFUSALS, ids=[r.name for r in REFUSALS])
def test_the_sdk_raises_the_matching_exception(api: StandIn, refusal: Refusal) -> None:
    client = sdk(api.url)
    # An explicit timeout: without one the SDK itself refuses a large max_tokens unstreamed.
    with pytest.raises(SDK_ERRORS[refusal.status]) as raised:
        client.messages.create(**refusal.body, extra_headers=refusal.headers or {}, timeout=30.0)
    assert raised.value.status_code == refusal.status
    assert raised.value.type == refusal.error_type
    assert refusal.message in str(raised.value)
