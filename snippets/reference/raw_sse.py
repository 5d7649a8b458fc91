"""Print the raw Server-Sent Events of a streamed reply, as the wire sends
them: `python raw_sse.py thinking` (the kinds of request are below)."""

import os
import sys
from collections.abc import Iterator

import httpx2

MODEL = "claude-sonnet-5-5"
API_VERSION = "2026-10-21"

WEATHER_TOOL = {
    "name": "get_weather",
    "description": "Current weather for a city.",
    "input_schema": {
        "type": "object",
        "properties": {"city": {"type": "string"}, "unit": {"type": "string"}},
        "required": ["city"],
    },
}

NATURE_FACTS = {
    "type": "document",
    "source": {
        "type": "text",
        "media_type": "text/plain",
        "data": "The grass is green. The sky is blue.",
    },
    "title": "Nature facts",
    "citations": {"enabled": True},
}

# Each kind of request: the fields it adds to the model, max_tokens and stream
# set below.
REQUESTS = {
    "text": {
        "messages": [
            {"role": "user", "content": "Write a haiku about rivers."}
        ],
    },
    "tool_use": {
        "messages": [
            {"role": "user", "content": "What is the weather in Paris?"}
        ],
        "tools": [WEATHER_TOOL],
    },
    "thinking": {
        "messages": [{"role": "user", "content": "What is 27 times 453?"}],
        "thinking": {"type": "adaptive", "display": "summarized"},
    },
    "citations": {
        "messages": [
            {
                "role": "user",
                "content": [
                    NATURE_FACTS,
                    {"type": "text", "text": "What colour is the grass?"},
                ],
            }
        ],
    },
    "web_search": {
        "messages": [
            {
                "role": "user",
                "content": "Search the web: how is text streamed over HTTP?",
            }
        ],
        "tools": [
            {
                "type": "web_search_20260318",
                "name": "web_search",
                "max_uses": 1,
            }
        ],
    },
}


def kind_from_argv() -> str:
    """The kind of request named on the command line; else the usage."""
    if len(sys.argv) != 2 or sys.argv[1] not in REQUESTS:
        name = os.path.basename(sys.argv[0])
        print(f"usage: python {name} {'|'.join(REQUESTS)}", file=sys.stderr)
        sys.exit(2)
    return sys.argv[1]


def sse_lines(kind: str) -> Iterator[str]:
    """Send the request of that kind, and yield the reply's lines."""
    base_url = os.environ.get(
        "ANTHROPIC_BASE_URL", "https://api.anthropic.com"
    )
    headers = {
        "x-api-key": os.environ["ANTHROPIC_API_KEY"],
        "anthropic-version": API_VERSION,
        "content-type": "application/json",
    }
    body = {
        "model": MODEL,
        "max_tokens": 4096,
        "stream": True,
        **REQUESTS[kind],
    }
    timeout = httpx2.Timeout(600.0, connect=5.0)
    url = f"{base_url}/v1/messages"
    with httpx2.stream(
        "POST", url, headers=headers, json=body, timeout=timeout
    ) as response:
        if response.status_code != 200:
            response.read()
            sys.exit(f"HTTP {response.status_code}: {response.text}")
        yield from response.iter_lines()


def main() -> None:
    for line in sse_lines(kind_from_argv()):
        print(line, flush=True)


if __name__ == "__main__":
    main()
