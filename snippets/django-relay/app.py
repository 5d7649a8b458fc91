"""Relay Claude's streamed text to a browser as Server-Sent Events (Django).

Run `uvicorn app:app` from this folder and open http://127.0.0.1:8000/.
"""

import json
from collections.abc import AsyncIterator
from pathlib import Path

import anthropic
import httpx2
from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.urls import path

MODEL = "claude-sonnet-5-5"
MAX_PROMPT_CHARS = 2000
PAGE = Path(__file__).with_name("index.html")

settings.configure(ROOT_URLCONF=__name__, MIDDLEWARE=[])  # urlpatterns below

# reads ANTHROPIC_API_KEY here, on the server
client = anthropic.AsyncAnthropic()


def sse(event: str, data: dict) -> str:
    """One SSE event; `data` as JSON on one line, so line breaks stay intact."""
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"


async def reply_events(prompt: str) -> AsyncIterator[str]:
    try:
        # A closed tab cancels this generator: leaving `async with` then
        # closes the upstream stream.
        async with client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            messages=[{"role": "user", "content": prompt}],
        ) as stream:
            async for text in stream.text_stream:
                yield sse("text", {"text": text})
            message = await stream.get_final_message()
        yield sse("done", {"stop_reason": message.stop_reason})
    except anthropic.APIStatusError as err:
        # Before the stream (HTTP 4xx/5xx) or in the middle of it (an `error`
        # event).
        yield sse("failed", {"type": err.type, "message": err.api_message})
    except (anthropic.APIConnectionError, httpx2.TransportError):
        lost = "The connection to Claude was lost."
        yield sse("failed", {"type": "connection_error", "message": lost})


async def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PAGE.read_bytes(), content_type="text/html")


async def stream_reply(request: HttpRequest) -> HttpResponse:
    prompt = request.GET.get("prompt", "")
    if not 1 <= len(prompt) <= MAX_PROMPT_CHARS:
        return HttpResponseBadRequest("prompt: 1 to 2000 characters")
    response = StreamingHttpResponse(
        reply_events(prompt), content_type="text/event-stream"
    )
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # proxies: pass each event on
    return response


urlpatterns = [path("", page), path("stream", stream_reply)]
app = get_asgi_application()
