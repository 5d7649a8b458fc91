"""A relay whose answers survive a reload and a lost server process: each
reply goes into a Redis Stream, which browsers read and resume from.
"""

import asyncio
import contextlib
import json
import os
import re
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import anthropic
import httpx2
import redis.asyncio as redis
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

MODEL = "claude-sonnet-5-5"
MAX_PROMPT_CHARS = 2000
# seconds an answer stays readable after its last piece
KEEP_FOR = int(os.environ.get("ANSWER_KEEP_FOR", "600"))
BEAT_EVERY = 1.0  # seconds between the writer's heartbeats
ALIVE_FOR = 3  # seconds a heartbeat counts; then the writer is taken as dead
READ_WAIT_MS = 1000  # how long a reader waits on Redis for a new piece
RETRY_MS = 500  # how soon a browser reconnects after losing the connection
# Each reader waiting on Redis holds a connection: redis-py allows 100 by
# default, and the 101st reader would fail with "Too many connections".
REDIS_CONNECTIONS = 1000
ANSWER_ID = re.compile(r"[0-9a-f-]{8,64}")
ENTRY_ID = re.compile(r"\d+-\d+")
PAGE = Path(__file__).with_name("index.html")
THIS_PROCESS = f"{socket.gethostname()}:{os.getpid()}"

client = anthropic.AsyncAnthropic()  # reads ANTHROPIC_API_KEY
store = redis.Redis.from_url(
    os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    decode_responses=True,
    max_connections=REDIS_CONNECTIONS,
)
writers: set[asyncio.Task[None]] = set()  # keeps running tasks referenced


def keys(answer_id: str) -> tuple[str, str, str]:
    """The answer's pieces, who writes it, and whether the writer lives."""
    base = f"answer:{answer_id}"
    return base, f"{base}:writer", f"{base}:alive"


async def append(answer_id: str, event: str, **data: object) -> None:
    pieces, _, _ = keys(answer_id)
    await store.xadd(pieces, {"event": event, "data": json.dumps(data)})


async def heartbeat(answer_id: str, finished: asyncio.Event) -> None:
    """Until the answer is finished, say it is being written, and keep its
    keys."""
    pieces, writer, alive = keys(answer_id)
    while not finished.is_set():
        async with store.pipeline() as batch:
            batch.set(alive, THIS_PROCESS, ex=ALIVE_FOR)
            batch.expire(pieces, KEEP_FOR)
            batch.expire(writer, KEEP_FOR)
            await batch.execute()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(finished.wait(), BEAT_EVERY)


async def write_answer(answer_id: str, prompt: str) -> None:
    """Stream the answer from Claude into Redis, whoever is reading."""
    pieces, _, alive = keys(answer_id)
    finished = asyncio.Event()
    beating = asyncio.create_task(heartbeat(answer_id, finished))
    try:
        async with client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            messages=[{"role": "user", "content": prompt}],
        ) as stream:
            async for text in stream.text_stream:
                await append(answer_id, "text", text=text)
            message = await stream.get_final_message()
        await append(answer_id, "done", stop_reason=message.stop_reason)
    except anthropic.APIStatusError as err:
        await append(
            answer_id, "failed", type=err.type, message=err.api_message
        )
    except (anthropic.APIConnectionError, httpx2.TransportError):
        await append(
            answer_id,
            "failed",
            type="connection_error",
            message="The connection to Claude was lost.",
        )
    finally:
        # A flag, not beating.cancel(): a heartbeat cancelled in the middle
        # of a Redis command may beat again after `alive` is deleted.
        finished.set()
        await beating
        await store.delete(alive)
        await store.expire(pieces, KEEP_FOR)


async def start_answer(request: Request) -> Response:
    """POST /answers/{id}: start writing the answer, once per id."""
    answer_id = request.path_params["answer_id"]
    body = await request.json()
    prompt = str(body.get("prompt", "")).strip()
    if not ANSWER_ID.fullmatch(answer_id):
        return JSONResponse({"error": "answer id: a UUID"}, 400)
    if not prompt or len(prompt) > MAX_PROMPT_CHARS:
        return JSONResponse(
            {"error": f"prompt: 1 to {MAX_PROMPT_CHARS} characters"}, 400
        )
    _, writer, alive = keys(answer_id)
    # SET NX: of all the processes, the first to ask writes the answer.
    if not await store.set(writer, THIS_PROCESS, nx=True, ex=KEEP_FOR):
        return JSONResponse({"id": answer_id, "started": False})
    await store.set(alive, THIS_PROCESS, ex=ALIVE_FOR)
    task = asyncio.create_task(write_answer(answer_id, prompt))
    writers.add(task)
    task.add_done_callback(writers.discard)
    return JSONResponse({"id": answer_id, "started": True}, 202)


async def read_answer(
    answer_id: str, after: str
) -> AsyncIterator[ServerSentEvent]:
    """Every piece after `after`, as it arrives, each with its stream id."""
    pieces, _, alive = keys(answer_id)
    retry: int | None = RETRY_MS
    while True:
        found = await store.xread({pieces: after}, block=READ_WAIT_MS)
        if not found and not await store.exists(alive):
            # Nothing new, and no heartbeat: look once more, for a last
            # piece written just before the writer stopped.
            found = await store.xread({pieces: after})
            if not found:
                yield ServerSentEvent(
                    json.dumps({"after": after}), event="interrupted"
                )
                return
        for entry_id, fields in found[0][1] if found else ():
            after = entry_id
            event = fields["event"]
            yield ServerSentEvent(
                fields["data"], event=event, id=entry_id, retry=retry
            )
            retry = None
            if event in ("done", "failed"):
                return


async def answer_events(request: Request) -> Response:
    """GET /answers/{id}: the answer as SSE, from the start or after
    `Last-Event-ID` (EventSource) or `?after=` (fetch)."""
    answer_id = request.path_params["answer_id"]
    after = request.headers.get("last-event-id") or request.query_params.get(
        "after", "0-0"
    )
    if not ENTRY_ID.fullmatch(after):
        return JSONResponse({"error": "after: a stream id such as 0-0"}, 400)
    _, writer, _ = keys(answer_id)
    if not ANSWER_ID.fullmatch(answer_id) or not await store.exists(writer):
        return JSONResponse({"error": "no such answer, or it expired"}, 404)
    return EventSourceResponse(read_answer(answer_id, after))


async def page(request: Request) -> Response:
    return FileResponse(PAGE)


app = Starlette(
    routes=[
        Route("/", page),
        Route("/answers/{answer_id}", start_answer, methods=["POST"]),
        Route("/answers/{answer_id}", answer_events, methods=["GET"]),
    ]
)
