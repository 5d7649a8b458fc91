"""Stream a reply with a plain HTTP client and the SSE parser next to this
file (sse_parser.py): no SDK."""

import json
import os
import sys

import httpx2
from sse_parser import SSEParser

MODEL = "claude-sonnet-5-5"
API_VERSION = "2026-10-21"


def main() -> int:
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
        "max_tokens": 256,
        "stream": True,
        "messages": [
            {"role": "user", "content": "Write a haiku about rivers."}
        ],
    }
    # The read timeout bounds the wait for each chunk, not the whole stream.
    timeout = httpx2.Timeout(connect=10.0, read=60.0, write=10.0, pool=10.0)

    stop_reason = None
    url = f"{base_url}/v1/messages"
    with httpx2.stream(
        "POST", url, headers=headers, json=body, timeout=timeout
    ) as response:
        if response.status_code != 200:
            error = json.loads(response.read())["error"]
            print(
                f"HTTP {response.status_code} "
                f"{error['type']}: {error['message']}"
            )
            return 1
        parser = SSEParser()
        for chunk in response.iter_bytes():
            for event in parser.feed(chunk):
                data = json.loads(event.data)
                kind = data["type"]
                if (
                    kind == "content_block_delta"
                    and data["delta"]["type"] == "text_delta"
                ):
                    print(data["delta"]["text"], end="", flush=True)
                elif kind == "message_delta":
                    stop_reason = data["delta"]["stop_reason"]
                    # cumulative totals: replace, never add
                    usage = data["usage"]
                elif kind == "error":
                    print(
                        f"\nerror event: {data['error']['type']}: "
                        f"{data['error']['message']}"
                    )
                    return 1
                # ping, message_start, block start/stop, message_stop, new
                # types: ignore

    print()
    if stop_reason is None:
        print("the stream ended before message_delta: the reply is incomplete")
        return 1
    print(
        f"stop_reason: {stop_reason}, output tokens: {usage['output_tokens']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
