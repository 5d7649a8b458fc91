"""Every refusal of the stand-in names a registered rule, and every rule says where it comes from.

Three holds: the source text of ``standin/`` builds no error without a rule (so a refusal added
without registering its rule fails here); each registered refusal is driven once over HTTP and
must be answered in its own words, naming itself (so a rule nothing can trigger, or one raised
under another's name, fails here); and each source has a kind and points at something real
(an SDK path must exist in the installed package). ``python -m standin --rules`` lists them.
"""

from __future__ import annotations

import ast
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import anthropic
import httpx2
import pytest

from standin import StandIn
from standin.__main__ import main
from standin.body import Limits
from standin.registry import ASSUMED, MARK, RULES, all_rules, kind_of
from standin.signatures import sign
from standin.validation import CURRENT_VERSION
from tests.support.clients import tls
from tests.support.settings import FAKE_KEY, HEADERS, MODEL

STANDIN = Path(__file__).resolve().parents[2] / "standin"
SDK = Path(anthropic.__file__).parent
OLD_MODEL = "claude-haiku-4-5"  # Claude 4.5: manual thinking budgets, no adaptive thinking
ASK = {"role": "user", "content": "What is the weather in Paris?"}
WEATHER = {"name": "get_weather", "input_schema": {"type": "object", "properties": {}}}
CALL = {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {}}
RESULT = {"type": "tool_result", "tool_use_id": "toolu_01", "content": "18 °C"}
SEARCH = {"type": "web_search_20260318", "name": "web_search"}
CLOSED = {"format": {"type": "json_schema", "schema": {"type": "object", "properties": {}}}}
CLOSED["format"]["schema"]["additionalProperties"] = False
DOCUMENT = {"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "x"}}
CITED = {
    "type": "char_location",
    "cited_text": "x",
    "document_index": 0,
    "start_char_index": 0,
    "end_char_index": 1,
}
BEDROCK = "/model/anthropic.claude-sonnet-5-5/invoke"
VERTEX = "/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-5-5"
SIGNED = (
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/{service}/aws4_request, "
    "SignedHeaders=host;x-amz-date, Signature=" + "0" * 64
)


def body(**fields: Any) -> dict[str, Any]:
    return {"model": MODEL, "max_tokens": 64, "messages": [{"role": "user", "content": "Hi"}]} | (
        fields
    )


def turns(*messages: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return body(messages=list(messages), **fields)


def assistant(*blocks: Any) -> dict[str, Any]:
    return {"role": "assistant", "content": list(blocks)}


def user(*blocks: Any) -> dict[str, Any]:
    return {"role": "user", "content": list(blocks)}


def marked(*ttls: str | None) -> list[dict[str, Any]]:
    """System blocks, each with a cache marker of that lifetime (None: the default)."""
    return [
        {"type": "text", "text": f"Part {i}.", "cache_control": {"type": "ephemeral"}}
        | ({"cache_control": {"type": "ephemeral", "ttl": ttl}} if ttl else {})
        for i, ttl in enumerate(ttls)
    ]


class Drive(NamedTuple):
    """A request that only ``rule`` refuses: JSON over HTTP, or raw bytes over a socket."""

    rule: str
    json: Any = None
    headers: dict[str, str] | None = None
    path: str = "/v1/messages"
    method: str = "POST"
    raw: bytes | None = None


def raw(head: str, payload: bytes = b"") -> bytes:
    """A request of the head's lines and ``payload``, asking for the connection to be closed."""
    return f"{head}\nconnection: close".replace("\n", "\r\n").encode() + b"\r\n\r\n" + payload


DRIVES = [
    # The front door: headers, framing, JSON.
    Drive("headers.no_key", body(), {"anthropic-version": CURRENT_VERSION}),
    Drive("headers.bad_key", body(), {**HEADERS, "x-api-key": "not-a-key"}),
    Drive("headers.no_version", body(), {"x-api-key": FAKE_KEY}),
    Drive("headers.bad_version", body(), {**HEADERS, "anthropic-version": "2099-01-01"}),
    Drive("headers.unknown_beta", body(), {**HEADERS, "anthropic-beta": "nonsense-2099-01-01"}),
    Drive("body.chunked", raw=raw("POST /v1/messages HTTP/1.1\nhost: x\ntransfer-encoding: chunked")),
    Drive("body.bad_length", raw=raw("POST /v1/messages HTTP/1.1\nhost: x\ncontent-length: ten")),
    Drive("body.too_large", raw=raw("POST /v1/messages HTTP/1.1\nhost: x\ncontent-length: 99999")),
    Drive("body.slow", raw=raw("POST /v1/messages HTTP/1.1\nhost: x\ncontent-length: 50", b"{")),
    Drive("body.not_json", raw=raw(
        f"POST /v1/messages HTTP/1.1\nhost: x\nx-api-key: {FAKE_KEY}\n"
        f"anthropic-version: {CURRENT_VERSION}\ncontent-length: 5", b"{nope"
    )),
    Drive("server.not_post", method="GET"),
    Drive("server.unknown_path", body(), path="/v1/complete"),
    Drive("server.malformed_http", raw=b"GET / HTTP/one\r\n\r\n"),
    # The body's shape.
    Drive("shape.type", []),
    Drive("shape.required", {"max_tokens": 64, "messages": [{"role": "user", "content": "Hi"}]}),
    Drive("shape.extra", body(frobnicate=True)),
    Drive("shape.literal", turns({"role": "system", "content": "Hi"})),
    Drive("shape.union", body(system=5)),
    Drive("shape.no_tag", turns(user({"text": "Hi"}))),
    Drive("shape.tag", turns(user({"type": "bogus"}))),
    Drive("body.removed_in_current", body(temperature=0.5)),
    Drive("body.unknown_model", body(model="claude-nonexistent-9")),
    Drive("params.max_tokens_min", body(max_tokens=0)),
    Drive("params.max_tokens_cap", body(max_tokens=10**6)),
    # The conversation.
    Drive("messages.none", body(messages=[])),
    Drive("messages.first_not_user", turns({"role": "assistant", "content": "Hi"})),
    Drive("messages.document_in_assistant", turns(ASK, assistant(DOCUMENT), user({"type": "text", "text": "Hm?"}))),
    Drive("messages.cited_user_text", turns(user({"type": "text", "text": "x", "citations": [CITED]}))),
    Drive("content.empty_text", turns({"role": "user", "content": ""})),
    Drive("content.blank_text", turns({"role": "user", "content": "  "})),
    Drive("content.blank_system", body(system="  ")),
    Drive("content.empty_turn", turns(user())),
    Drive("content.prefill", turns(ASK, {"role": "assistant", "content": "Sunny"})),
    # Thinking.
    Drive("thinking.old_kinds", body(model=OLD_MODEL, thinking={"type": "adaptive"})),
    Drive("thinking.always_on", body(model="claude-opus-5-5", thinking={"type": "disabled"})),
    Drive("thinking.adaptive_only", body(max_tokens=4096, thinking={"type": "enabled", "budget_tokens": 2048})),
    Drive("thinking.budget_min", body(model=OLD_MODEL, max_tokens=4096, thinking={"type": "enabled", "budget_tokens": 512})),
    Drive("thinking.budget_over_max", body(model=OLD_MODEL, max_tokens=2048, thinking={"type": "enabled", "budget_tokens": 2048})),
    Drive("thinking.signature", turns(ASK, assistant({"type": "thinking", "thinking": "t", "signature": sign("other")}), user({"type": "text", "text": "And?"}))),
    Drive("thinking.tool_loop", turns(ASK, assistant(CALL), user(RESULT), tools=[WEATHER], thinking={"type": "adaptive"})),
    # Tools.
    Drive("tools.name_pattern", body(tools=[{**WEATHER, "name": "get weather"}])),
    Drive("tools.schema_not_object", body(tools=[{**WEATHER, "input_schema": {"type": "array"}}])),
    Drive("tools.duplicate_names", body(tools=[WEATHER, WEATHER])),
    Drive("tools.choice_without_tools", body(tool_choice={"type": "auto"})),
    Drive("tools.choice_unknown_name", body(tools=[WEATHER], tool_choice={"type": "tool", "name": "other"})),
    Drive("tools.forced_choice", body(tools=[WEATHER], tool_choice={"type": "any"})),
    Drive("tools.undefined", turns(ASK, assistant(CALL), user(RESULT))),
    Drive("tools.unanswered_call", turns(ASK, assistant(CALL), user({"type": "text", "text": "?"}), tools=[WEATHER])),
    Drive("tools.results_not_first", turns(ASK, assistant(CALL), user({"type": "text", "text": "?"}, RESULT), tools=[WEATHER])),
    Drive("tools.unexpected_result", turns(user(RESULT), tools=[WEATHER])),
    Drive("server_tools.domains_both", body(tools=[{**SEARCH, "allowed_domains": ["a.org"], "blocked_domains": ["b.org"]}])),
    Drive("server_tools.call_not_offered", turns(ASK, assistant({"type": "server_tool_use", "id": "srvtoolu_01", "name": "web_search", "input": {}}))),
    Drive("server_tools.result_without_call", turns(ASK, assistant({"type": "web_search_tool_result", "tool_use_id": "srvtoolu_01", "content": []}), user({"type": "text", "text": "?"}), tools=[SEARCH])),
    # Structured output and the prompt cache.
    Drive("output_config.open_object", body(output_config={"format": {"type": "json_schema", "schema": {"type": "object"}}})),
    Drive("output_config.citations", turns(user(DOCUMENT | {"citations": {"enabled": True}}, {"type": "text", "text": "?"}), output_config=CLOSED)),
    Drive("output_config.both_formats", body(output_config=CLOSED, output_format=CLOSED["format"])),
    Drive("cache.marker_type", body(system=[{"type": "text", "text": "x", "cache_control": {"type": "forever"}}])),
    Drive("cache.ttl", body(system=marked("10m"))),
    Drive("cache.ttl_order", body(system=marked("5m", "1h"))),
    Drive("cache.too_many_breakpoints", body(system=marked(None, None, None, None, None))),
    # The cloud platforms' doors.
    Drive("platform.bedrock.no_auth", {}, {}, BEDROCK),
    Drive("platform.bedrock.empty_key", raw=raw(f"POST {BEDROCK} HTTP/1.1\nhost: x\nauthorization: Bearer  \t\ncontent-length: 2", b"{}")),
    Drive("platform.bedrock.incomplete_signature", {}, {"authorization": "AWS4-HMAC-SHA256 junk"}, BEDROCK),
    Drive("platform.bedrock.wrong_service", {}, {"authorization": SIGNED.format(service="s3"), "x-amz-date": "20260101T000000Z"}, BEDROCK),
    Drive("platform.bedrock.bad_model", {}, {"authorization": "Bearer k"}, "/model/not-a-model/invoke"),
    Drive("platform.bedrock.not_object", [], {"authorization": "Bearer k"}, BEDROCK),
    Drive("platform.bedrock.extra_field", {"model": MODEL}, {"authorization": "Bearer k"}, BEDROCK),
    Drive("platform.bedrock.version", {"anthropic_version": "x"}, {"authorization": "Bearer k"}, BEDROCK),
    Drive("platform.vertex.no_auth", {}, {}, f"{VERTEX}:rawPredict"),
    Drive("platform.vertex.not_object", [], {"authorization": "Bearer t"}, f"{VERTEX}:rawPredict"),
    Drive("platform.vertex.model_in_body", {"model": MODEL}, {"authorization": "Bearer t"}, f"{VERTEX}:rawPredict"),
    Drive("platform.vertex.version", {"anthropic_version": "x"}, {"authorization": "Bearer t"}, f"{VERTEX}:rawPredict"),
    Drive("platform.vertex.stream", {"anthropic_version": "vertex-2023-10-16", "stream": True}, {"authorization": "Bearer t"}, f"{VERTEX}:rawPredict"),
    Drive("platform.foundry.no_key", {}, {}, "/anthropic/v1/messages"),
    Drive("platform.foundry.version", {}, {"x-api-key": "k", "anthropic-version": "x"}, "/anthropic/v1/messages"),
    Drive("platform.foundry.not_object", [], {"x-api-key": "k", "anthropic-version": CURRENT_VERSION}, "/anthropic/v1/messages"),
]  # fmt: skip


@pytest.fixture(scope="module")
def api() -> Iterator[StandIn]:
    with StandIn("text", limits=Limits(max_body_bytes=50_000, body_timeout=0.3)) as server:
        yield server


def _send_raw(api: StandIn, data: bytes) -> bytes:
    """The body of the answer to ``data``; the stand-in closes the connection after a refusal
    at the door (an answer to a malformed request line has no status line or headers)."""
    with socket.create_connection(("127.0.0.1", api.port), timeout=5) as sock:
        sock.sendall(data)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer.partition(b"\r\n\r\n")[2] if answer.startswith(b"HTTP/") else answer


def _message(payload: Any) -> str:
    """The refusal's words, in the API's shape or a platform's."""
    error = payload.get("error") if isinstance(payload, dict) else None
    return str(error["message"] if isinstance(error, dict) else payload.get("message"))


@pytest.mark.parametrize("drive", DRIVES, ids=[d.rule for d in DRIVES])
def test_each_rule_refuses_in_its_own_words_and_names_itself(api: StandIn, drive: Drive) -> None:
    before = len(api.refusals)
    if drive.raw is not None:
        answer = _send_raw(api, drive.raw)
        payload = json.loads(answer)
    else:
        headers = HEADERS if drive.headers is None else drive.headers
        sent = {} if drive.json is None else {"json": drive.json}
        payload = httpx2.request(
            drive.method,
            f"{api.url}{drive.path}",
            headers=headers,
            timeout=5,
            verify=tls(),
            **sent,
        ).json()
    assert api.refusals[before:] == [drive.rule], _message(payload)
    message = _message(payload)
    for part in RULES[drive.rule].fixed:
        assert part in message, f"{drive.rule}: {part!r} not in {message!r}"


def test_every_refusing_rule_is_driven() -> None:
    refusing = {r.id for r in all_rules() if r.refuses}
    driven = [d.rule for d in DRIVES]
    assert len(driven) == len(set(driven)), "a rule is driven twice"
    assert set(driven) == refusing, (
        f"not driven: {sorted(refusing - set(driven))}; not rules: {sorted(set(driven) - refusing)}"
    )


def _error_calls(tree: ast.AST) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        is_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if is_call and node.func.id in ("ApiError", "PlatformError"):  # type: ignore[attr-defined]
            yield node  # type: ignore[misc]


def test_no_error_is_built_without_naming_its_rule() -> None:
    """Every ``ApiError`` and ``PlatformError`` built in ``standin/`` passes a rule: through
    ``Rule.error`` (which names itself), or as its ``rule`` argument, never a bare string."""
    unnamed = []
    for path in sorted(STANDIN.rglob("*.py")):
        for call in _error_calls(ast.parse(path.read_text(encoding="utf-8"))):
            position = 4 if call.func.id == "ApiError" else 3  # type: ignore[attr-defined]
            given = [k.value for k in call.keywords if k.arg == "rule"]
            given += call.args[position : position + 1]
            literal = [g for g in given if isinstance(g, ast.Constant)]
            if not given or any(g.value not in RULES for g in literal):  # type: ignore[attr-defined]
                unnamed.append(f"{path.relative_to(STANDIN.parent)}:{call.lineno}")
    assert not unnamed, f"errors built with no registered rule: {unnamed}"


def test_every_source_has_a_kind_and_points_at_something() -> None:
    problems = []
    for r in all_rules():
        for where in filter(None, (r.source, r.wording)):
            kind = kind_of(where)
            detail = where.partition(": ")[2]
            if kind == "sdk" and not (SDK.parent / detail.split()[0]).is_file():
                problems.append(f"{r.id}: no {detail} in the installed SDK")
            if kind == "doc" and not detail.startswith("https://"):
                problems.append(f"{r.id}: a documentation source is an address: {detail}")
    assert not problems, "\n".join(problems)


def test_the_listing_shows_every_rule_and_counts_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--rules"]) == 0
    out = capsys.readouterr().out
    rules = all_rules()
    missing = [r.id for r in rules if f"\n{r.id}  [" not in f"\n{out}"]
    assert not missing, missing
    assumed = sum(1 for r in rules if r.assumed or r.wording_assumed)
    assert f"{len(rules)} rules: {len(rules) - assumed} documented, {assumed} assumed" in out
    assert out.count(ASSUMED) >= assumed and MARK not in out
