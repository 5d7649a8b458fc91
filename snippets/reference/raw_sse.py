"""Print the raw Server-Sent Events of a streamed reply, exactly as they arrive.

No SDK parsing here: this uses httpx2, the HTTP client the anthropic SDK is built on, so the
output is the wire format itself: an `event:` line, a `data:` line of JSON, a blank line.
"""

import os
import sys

import httpx2

MODEL = "claude-sonnet-5-5"
API_VERSION = "2026-10-21"


def main() -> None:
    base_url = os.environ.get("ANTHROPIC_BASE_URL", "https://api.anthropic.com")
    headers = {
        "x-api-key": os.environ["ANTHROPIC_API_KEY"],
        "anthropic-version": API_VERSION,
        "content-type": "application/json",
    }
    body = {
        "model": MODEL,
        "max_tokens": 1024,
        "stream": True,
        "messages": [{"role": "user", "content": "What is the weather in Paris?"}],
        "tools": [
            {
                "name": "get_weather",
                "description": "Current weather for a city.",
                "input_schema": {
                    "type": "object",
                    "properties": {"city": {"type": "string"}, "unit": {"type": "string"}},
                    "required": ["city"],
                },
            }
        ],
    }
    timeout = httpx2.Timeout(600.0, connect=5.0)
    url = f"{base_url}/v1/messages"
    with httpx2.stream("POST", url, headers=headers, json=body, timeout=timeout) as response:
        if response.status_code != 200:
            response.read()
            sys.exit(f"HTTP {response.status_code}: {response.text}")
        for line in response.iter_lines():
            print(line, flush=True)


if __name__ == "__main__":
    main()
