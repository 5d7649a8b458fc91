"""Print the raw Server-Sent Events of a streamed reply, exactly as they
arrive.

No SDK parsing here: this uses httpx2, the HTTP client the anthropic SDK is
built on, so the output is the wire format itself: an `event:` line, a `data:`
line of JSON, a blank line.

Name the kind of request to send: `python raw_sse.py thinking`. Each kind below
asks for something different, so its reply carries different blocks and deltas.
"""

import os
import sys

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


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] not in REQUESTS:
        print(
            f"usage: python raw_sse.py {'|'.join(REQUESTS)}", file=sys.stderr
        )
        sys.exit(2)
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
        **REQUESTS[sys.argv[1]],
    }
    timeout = httpx2.Timeout(600.0, connect=5.0)
    url = f"{base_url}/v1/messages"
    with httpx2.stream(
        "POST", url, headers=headers, json=body, timeout=timeout
    ) as response:
        if response.status_code != 200:
            response.read()
            sys.exit(f"HTTP {response.status_code}: {response.text}")
        for line in response.iter_lines():
            print(line, flush=True)


if __name__ == "__main__":
    main()
