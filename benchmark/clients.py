"""The ways a program can read one reply, each as a function the benchmark can time.

Every consumer reads the whole reply and returns its text, so a run that lost a chunk is
caught rather than timed. They share one SDK client and one httpx2 client, with warm
connections, as a long-running program would.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import anthropic
import httpx2

from standin.validation import CURRENT_VERSION
from tests.support.settings import MODEL

from . import plain_sse
from .paths import ROOT

FAKE_KEY = "sk-ant-fake-key-for-the-benchmark"
SITE_PARSER = ROOT / "snippets" / "without-sdk" / "sse_parser.py"


@dataclass
class Clients:
    sdk: anthropic.Anthropic
    http: httpx2.Client
    url: str

    @classmethod
    def open(cls, url: str) -> Clients:
        sdk = anthropic.Anthropic(api_key=FAKE_KEY, base_url=url, max_retries=0)
        return cls(sdk, httpx2.Client(timeout=60.0), url)

    def close(self) -> None:
        self.sdk.close()
        self.http.close()


def budget(tokens: int) -> int:
    """A ``max_tokens`` that never cuts the reply short."""
    return tokens + 64


def prompt(tokens: int) -> list[dict[str, Any]]:
    return [{"role": "user", "content": f"Write about {tokens} words on rivers."}]


def stream_helper(c: Clients, tokens: int) -> str:
    """``messages.stream()``: the SDK's helper, which also accumulates the final message."""
    with c.sdk.messages.stream(
        model=MODEL, max_tokens=budget(tokens), messages=prompt(tokens)
    ) as stream:
        text = "".join(stream.text_stream)
        stream.get_final_message()
    return text


def create_stream(c: Clients, tokens: int) -> str:
    """``messages.create(stream=True)``: typed wire events, no accumulation."""
    stream = c.sdk.messages.create(
        model=MODEL, max_tokens=budget(tokens), messages=prompt(tokens), stream=True
    )
    parts = [
        event.delta.text
        for event in stream
        if event.type == "content_block_delta" and event.delta.type == "text_delta"
    ]
    return "".join(parts)


def non_streaming(c: Clients, tokens: int) -> str:
    """``messages.create()``: one JSON Message once the whole reply exists."""
    message = c.sdk.messages.create(model=MODEL, max_tokens=budget(tokens), messages=prompt(tokens))
    return "".join(block.text for block in message.content if block.type == "text")


def _raw_request(c: Clients, tokens: int) -> Any:
    return c.http.stream(
        "POST",
        f"{c.url}/v1/messages",
        headers={
            "x-api-key": FAKE_KEY,
            "anthropic-version": CURRENT_VERSION,
            "content-type": "application/json",
        },
        json={
            "model": MODEL,
            "max_tokens": budget(tokens),
            "messages": prompt(tokens),
            "stream": True,
        },
    )


def _site_parser() -> ModuleType:
    """The site's own no-SDK parser, from the page that teaches it."""
    spec = importlib.util.spec_from_file_location("site_sse_parser", SITE_PARSER)
    assert spec is not None and spec.loader is not None, f"cannot load {SITE_PARSER}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text_from(payloads: Iterable[str]) -> tuple[str, int]:
    """The reply's text and the number of events, from each event's ``data``."""
    parts: list[str] = []
    count = 0
    for data in payloads:
        count += 1
        payload = json.loads(data)
        if payload["type"] == "content_block_delta" and payload["delta"]["type"] == "text_delta":
            parts.append(payload["delta"]["text"])
        elif payload["type"] == "error":
            raise RuntimeError(payload["error"]["message"])
    return "".join(parts), count


def no_sdk_reader() -> tuple[str, Callable[[httpx2.Response], tuple[str, int]]]:
    """Which no-SDK parser is measured, and a response -> (text, events) reader using it."""
    site = _site_parser()
    return SITE_PARSER.relative_to(ROOT).as_posix() + " (parse() over httpx2 iter_bytes)", (
        lambda response: _text_from(e.data for e in site.parse(response.iter_bytes()))
    )


PARSER_NAME, _READ_TEXT = no_sdk_reader()


def no_sdk(c: Clients, tokens: int) -> str:
    """httpx2 and an SSE parser, no SDK: what the no-SDK page teaches."""
    with _raw_request(c, tokens) as response:
        response.raise_for_status()
        text, _count = _READ_TEXT(response)
    return text


def count_events(c: Clients, tokens: int) -> int:
    """How many SSE events a reply of ``tokens`` chunks is on the wire."""
    with _raw_request(c, tokens) as response:
        response.raise_for_status()
        return sum(1 for _ in plain_sse.events(response.iter_lines()))


def bytes_only(c: Clients, tokens: int) -> str:
    """Read the stream's bytes and parse nothing: the ceiling the transport and server set."""
    with _raw_request(c, tokens) as response:
        response.raise_for_status()
        for _ in response.iter_bytes():
            pass
    return ""


Consumer = Callable[[Clients, int], str]
