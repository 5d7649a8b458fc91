"""The Flask relay with a heartbeat: a closed tab is noticed within seconds,
even while the reply is silent. Serve it with gunicorn, as `app.py`.
"""

import contextlib
import json
import queue
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import anthropic
import httpx2
from anthropic.lib.streaming import MessageStream
from flask import Flask, Response, request, send_file, stream_with_context

MODEL = "claude-sonnet-5-5"
MAX_PROMPT_CHARS = 2000
HEARTBEAT_SECONDS = 2.0
PAGE = Path(__file__).with_name("index.html")

# reads ANTHROPIC_API_KEY here, on the server
client = anthropic.Anthropic()
app = Flask(__name__)


def sse(event: str, data: dict) -> str:
    """One SSE event; `data` as JSON on one line, so line breaks stay intact."""
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"


def failure(err: Exception) -> str:
    if isinstance(err, anthropic.APIStatusError):
        return sse("failed", {"type": err.type, "message": err.api_message})
    lost = "The connection to Claude was lost."
    return sse("failed", {"type": "connection_error", "message": lost})


def next_or_none(events: queue.Queue) -> str | None:
    """The next event, or a comment if none came for HEARTBEAT_SECONDS (a
    write that fails once the browser left); None at the end."""
    try:
        return events.get(timeout=HEARTBEAT_SECONDS)
    except queue.Empty:
        return ": keep-alive\n\n"  # EventSource skips comments


def read_reply(stream: MessageStream, events: queue.Queue) -> None:
    """In its own thread: each event of the reply into `events`, then None."""
    try:
        for text in stream.text_stream:
            events.put(sse("text", {"text": text}))
        message = stream.get_final_message()
        events.put(sse("done", {"stop_reason": message.stop_reason}))
    except (
        anthropic.APIStatusError,  # an `error` event in the middle
        anthropic.APIConnectionError,
        httpx2.TransportError,
    ) as err:
        events.put(failure(err))
    except httpx2.StreamClosed:
        pass  # the browser left and the response closed the stream
    finally:
        events.put(None)


def hang_up(stream: MessageStream) -> None:
    """Shut the connection to the API down now: closing the stream from this
    thread alone waits for the reading thread to receive its next bytes."""
    network = stream.response.extensions.get("network_stream")
    if network is not None:
        with contextlib.suppress(OSError):  # already closed
            network.get_extra_info("socket").shutdown(socket.SHUT_RDWR)


def reply_events(prompt: str) -> Iterator[str]:
    events: queue.Queue = queue.Queue()
    try:
        with client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            messages=[{"role": "user", "content": prompt}],
        ) as stream:
            reader = threading.Thread(
                target=read_reply, args=(stream, events), daemon=True
            )
            reader.start()
            try:
                while (event := next_or_none(events)) is not None:
                    yield event
            except GeneratorExit:  # a write failed: the browser left
                hang_up(stream)
                raise
    except (anthropic.APIStatusError, anthropic.APIConnectionError) as err:
        yield failure(err)  # before the stream: HTTP 4xx/5xx, no connection


@app.get("/")
def page() -> Response:
    return send_file(PAGE)


@app.get("/stream")
def stream_reply() -> Response:
    prompt = request.args.get("prompt", "")
    if not 1 <= len(prompt) <= MAX_PROMPT_CHARS:
        return Response("prompt: 1 to 2000 characters", status=400)
    events = stream_with_context(reply_events(prompt))
    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return Response(events, mimetype="text/event-stream", headers=headers)
