"""A mistake: a hand-written SSE parser that assumes each network chunk holds
whole lines ending in "\n".
"""

import json
import os

import httpx2

MODEL = "claude-sonnet-5-5"
API_URL = (
    os.environ.get("ANTHROPIC_BASE_URL", "https://api.anthropic.com")
    + "/v1/messages"
)


def main() -> None:
    deltas = 0
    with httpx2.stream(
        "POST",
        API_URL,
        headers={
            "x-api-key": os.environ["ANTHROPIC_API_KEY"],
            "anthropic-version": "2026-10-21",
        },
        json={
            "model": MODEL,
            "max_tokens": 256,
            "stream": True,
            "messages": [
                {"role": "user", "content": "Write a haiku about rivers."}
            ],
        },
    ) as response:
        for chunk in response.iter_text():
            for line in chunk.split("\n"):  # wrong: a chunk is not a line
                if line.startswith("data: "):
                    event = json.loads(line[len("data: ") :])
                    if event["type"] == "content_block_delta":
                        print(event["delta"]["text"], end="", flush=True)
                        deltas += 1
    print(f"\n[{deltas} text deltas parsed]")


if __name__ == "__main__":
    main()
