"""Relay Claude's streamed text to a browser as Server-Sent Events (Flask).

Run `gunicorn --worker-class gthread --threads 8 app:app` from this folder.
"""

import json
from collections.abc import Iterator
from pathlib import Path

import anthropic
import httpx2
from flask import Flask, Response, request, send_file, stream_with_context

MODEL = "claude-sonnet-5-5"
MAX_PROMPT_CHARS = 2000
PAGE = Path(__file__).with_name("index.html")

# reads ANTHROPIC_API_KEY here, on the server
client = anthropic.Anthropic()
app = Flask(__name__)


def sse(event: str, data: dict) -> str:
    """One SSE event; `data` as JSON on one line, so line breaks stay intact."""
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"


def reply_events(prompt: str) -> Iterator[str]:
    try:
        # A closed tab fails the next write, and gunicorn closes this
        # generator: leaving `with` then closes the upstream stream.
        with client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            messages=[{"role": "user", "content": prompt}],
        ) as stream:
            for text in stream.text_stream:
                yield sse("text", {"text": text})
            message = stream.get_final_message()
        yield sse("done", {"stop_reason": message.stop_reason})
    except anthropic.APIStatusError as err:
        # Before the stream (HTTP 4xx/5xx) or in the middle of it (an `error`
        # event).
        yield sse("failed", {"type": err.type, "message": err.api_message})
    except (anthropic.APIConnectionError, httpx2.TransportError):
        lost = "The connection to Claude was lost."
        yield sse("failed", {"type": "connection_error", "message": lost})


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
