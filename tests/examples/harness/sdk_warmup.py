"""Imported by the fork server before it serves: build once what the SDK builds on first use.

The SDK's pydantic models complete their schemas lazily, the first time a stream event or a
final message is built (about 0.1 s of CPU), and its streaming helpers import more modules on
first use. Done here, in the server, every forked snippet inherits them built instead of
building them again. Nothing a snippet sees changes: no request leaves this process (the
client's transport is a ``MockTransport``), no environment variable or event loop policy is
set, and the clients are closed before the server forks.

Standard library and the examples' own packages only: it runs under every example Python.
"""

from __future__ import annotations

import asyncio
from typing import Any

import anthropic
import httpx2

MODEL = "warm-up-model"


# One message with a thinking, a text (with a citation) and a tool_use block.
BODY = b"""\
event: message_start
data: {"type": "message_start", "message": {"id": "msg_warmup", "type": "message", "role": "assistant", "model": "warm-up-model", "content": [], "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 1, "output_tokens": 1}}}

event: ping
data: {"type": "ping"}

event: content_block_start
data: {"type": "content_block_start", "index": 0, "content_block": {"type": "thinking", "thinking": "", "signature": ""}}

event: content_block_delta
data: {"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "x"}}

event: content_block_delta
data: {"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "x"}}

event: content_block_stop
data: {"type": "content_block_stop", "index": 0}

event: content_block_start
data: {"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}}

event: content_block_delta
data: {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "x"}}

event: content_block_delta
data: {"type": "content_block_delta", "index": 1, "delta": {"type": "citations_delta", "citation": {"type": "char_location", "cited_text": "x", "document_index": 0, "document_title": "x", "start_char_index": 0, "end_char_index": 1}}}

event: content_block_stop
data: {"type": "content_block_stop", "index": 1}

event: content_block_start
data: {"type": "content_block_start", "index": 2, "content_block": {"type": "tool_use", "id": "toolu_warmup", "name": "x", "input": {}}}

event: content_block_delta
data: {"type": "content_block_delta", "index": 2, "delta": {"type": "input_json_delta", "partial_json": "{\\"a\\": 1}"}}

event: content_block_stop
data: {"type": "content_block_stop", "index": 2}

event: message_delta
data: {"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": null}, "usage": {"output_tokens": 2}}

event: message_stop
data: {"type": "message_stop"}

"""


def _answer(request: httpx2.Request) -> httpx2.Response:
    return httpx2.Response(200, headers={"content-type": "text/event-stream"}, content=BODY)


def _request() -> dict[str, Any]:
    return {"model": MODEL, "max_tokens": 16, "messages": [{"role": "user", "content": "x"}]}


def _warm_sync() -> None:
    transport = httpx2.MockTransport(_answer)
    with (
        httpx2.Client(transport=transport) as http,
        anthropic.Anthropic(
            api_key="warm-up", base_url="http://warm-up", http_client=http
        ) as client,
    ):
        with client.messages.stream(**_request()) as stream:
            for _ in stream.text_stream:
                pass
            stream.get_final_message()
        for _ in client.messages.create(**_request(), stream=True):
            pass


async def _warm_async() -> None:
    transport = httpx2.MockTransport(_answer)
    async with (
        httpx2.AsyncClient(transport=transport) as http,
        anthropic.AsyncAnthropic(
            api_key="warm-up", base_url="http://warm-up", http_client=http
        ) as client,
        client.messages.stream(**_request()) as stream,
    ):
        async for _ in stream.text_stream:
            pass
        await stream.get_final_message()


def _warm_transports() -> None:
    """The clients' own transports: their first use imports httpcore2, h11 and anyio's backend."""
    anthropic.Anthropic(api_key="warm-up", base_url="http://warm-up").close()

    async def build_and_close() -> None:
        await anthropic.AsyncAnthropic(api_key="warm-up", base_url="http://warm-up").close()

    _run(build_and_close())


def _run(coroutine: Any) -> None:
    # A loop of its own, never made the current one: asyncio.run() would leave the policy
    # marked as set, and a snippet's asyncio.get_event_loop() would then behave otherwise.
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(coroutine)
    finally:
        loop.close()


def warm_up() -> None:
    _warm_transports()
    _warm_sync()
    _run(_warm_async())


warm_up()
