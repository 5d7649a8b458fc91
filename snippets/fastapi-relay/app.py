"""Relay Claude's streamed text to a browser as Server-Sent Events (FastAPI).

Run `uvicorn app:app` from this folder and open http://127.0.0.1:8000/.
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


# EventSourceResponse also sends X-Accel-Buffering: no, so proxies pass each
# event on at once.
@app.get("/stream", response_class=EventSourceResponse)
async def stream_reply(
    prompt: Annotated[str, Query(min_length=1, max_length=MAX_PROMPT_CHARS)],
) -> AsyncIterator[ServerSentEvent]:
    """Claude's reply as SSE events; `data` goes out as JSON, so line breaks
    stay intact."""
    try:
        # A closed tab cancels this generator: leaving `async with` then
        # closes the upstream stream.
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
