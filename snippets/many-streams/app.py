"""A relay for many browsers at once: one client, a limit on upstream
streams, each stream's failure its own. Run `uvicorn app:app` from here.
"""

import asyncio
import json
import os
from collections.abc import AsyncIterator
from typing import Annotated

import anthropic
import httpx2
from fastapi import FastAPI, Query
from sse_starlette import EventSourceResponse, ServerSentEvent

MODEL = "claude-sonnet-5-5"
MAX_PROMPT_CHARS = 2000
MAX_STREAMS = int(os.environ.get("MAX_STREAMS", "50"))

# one client, one connection pool, for every request
client = anthropic.AsyncAnthropic()
slots = asyncio.Semaphore(MAX_STREAMS)
open_streams = 0
app = FastAPI()


@app.get("/streams")
async def streams() -> dict[str, int]:
    return {"open": open_streams, "limit": MAX_STREAMS}


@app.get("/stream")
async def stream_reply(
    prompt: Annotated[str, Query(min_length=1, max_length=MAX_PROMPT_CHARS)],
) -> EventSourceResponse:
    return EventSourceResponse(relay(prompt))


def sse(event: str, **data: object) -> ServerSentEvent:
    return ServerSentEvent(json.dumps(data), event=event)


async def relay(prompt: str) -> AsyncIterator[ServerSentEvent]:
    global open_streams
    await slots.acquire()  # waits while MAX_STREAMS streams are open
    open_streams += 1
    try:
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
        yield sse("failed", type=err.type, message=err.api_message)
    except (anthropic.APIConnectionError, httpx2.TransportError):
        lost = "The connection to Claude was lost."
        yield sse("failed", type="connection_error", message=lost)
    finally:  # also when the browser left and the generator was closed
        open_streams -= 1
        slots.release()
