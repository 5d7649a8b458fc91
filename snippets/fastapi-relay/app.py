"""Relay Claude's streamed text to a browser as Server-Sent Events, in FastAPI.

The Starlette relay written the FastAPI way: a path operation that yields
`ServerSentEvent`s, answered with FastAPI's own `EventSourceResponse`. The
browser talks only to this server, which holds the API key. Each text delta
goes on to the page as a `text` event; the end of the reply is a `done` event,
and an API error a `failed` event with its type and message.

Run it with `uvicorn app:app` (from this folder), then open
http://127.0.0.1:8000/.
"""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated

import anthropic
import httpx2
from fastapi import FastAPI, Query
from fastapi.responses import FileResponse
from fastapi.sse import EventSourceResponse, ServerSentEvent

MODEL = "claude-sonnet-5-5"
MAX_PROMPT_CHARS = 2000
PAGE = Path(__file__).with_name("index.html")

# reads ANTHROPIC_API_KEY here, on the server
client = anthropic.AsyncAnthropic()
app = FastAPI()


@app.get("/")
async def page() -> FileResponse:
    return FileResponse(PAGE)


@app.get("/stream", response_class=EventSourceResponse)
async def stream_reply(
    prompt: Annotated[str, Query(min_length=1, max_length=MAX_PROMPT_CHARS)],
) -> AsyncIterator[ServerSentEvent]:
    """Claude's reply as SSE events; `data` goes out as JSON, so line breaks
    stay intact."""
    try:
        async with client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            messages=[{"role": "user", "content": prompt}],
        ) as stream:
            async for text in stream.text_stream:
                yield ServerSentEvent(event="text", data={"text": text})
            message = await stream.get_final_message()
        done = {"stop_reason": message.stop_reason}
        yield ServerSentEvent(event="done", data=done)
    except anthropic.APIStatusError as err:
        # Before the stream (HTTP 4xx/5xx) or in the middle of it (an `error`
        # event).
        failed = {"type": err.type, "message": err.api_message}
        yield ServerSentEvent(event="failed", data=failed)
    except (anthropic.APIConnectionError, httpx2.TransportError):
        lost = {
            "type": "connection_error",
            "message": "The connection to Claude was lost.",
        }
        yield ServerSentEvent(event="failed", data=lost)
