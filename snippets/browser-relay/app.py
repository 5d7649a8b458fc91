"""Relay Claude's streamed text to a browser as Server-Sent Events (Starlette).

Run `uvicorn app:app` from this folder and open http://127.0.0.1:8000/.
"""

import json
from collections.abc import AsyncIterator
from pathlib import Path

import anthropic
import httpx2
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

MODEL = "claude-sonnet-5-5"
MAX_PROMPT_CHARS = 2000
PAGE = Path(__file__).with_name("index.html")

# reads ANTHROPIC_API_KEY here, on the server
client = anthropic.AsyncAnthropic()


def sse(event: str, **data: object) -> ServerSentEvent:
    # JSON keeps every text delta intact, newlines included.
    return ServerSentEvent(json.dumps(data), event=event)


async def relay(prompt: str) -> AsyncIterator[ServerSentEvent]:
    """Claude's reply as SSE events, ended by `done` or `failed`."""
    try:
        # A closed tab cancels this generator: leaving `async with` then
        # closes the upstream stream.
        async with client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            messages=[{"role": "user", "content": prompt}],
        ) as stream:
            async for text in stream.text_stream:
                yield sse("text", text=text)
            message = await stream.get_final_message()
        yield sse("done", stop_reason=message.stop_reason)
    except anthropic.APIStatusError as err:
        # Before the stream (HTTP 4xx/5xx) or in the middle of it (an `error`
        # event).
        yield sse("failed", type=err.type, message=err.api_message)
    except (anthropic.APIConnectionError, httpx2.TransportError):
        yield sse(
            "failed",
            type="connection_error",
            message="The connection to Claude was lost.",
        )


async def stream_reply(request: Request) -> Response:
    prompt = request.query_params.get("prompt", "").strip()
    if not prompt or len(prompt) > MAX_PROMPT_CHARS:
        return JSONResponse(
            {"error": f"prompt: 1 to {MAX_PROMPT_CHARS} characters"}, 400
        )
    # sse-starlette also sends X-Accel-Buffering: no, so proxies pass each
    # event on at once.
    return EventSourceResponse(relay(prompt))


async def page(request: Request) -> Response:
    return FileResponse(PAGE)


app = Starlette(routes=[Route("/", page), Route("/stream", stream_reply)])
