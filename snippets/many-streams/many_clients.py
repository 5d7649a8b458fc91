"""Send many browsers' requests to the relay in `app.py` at once, in-process,
and count how their replies ended: `MAX_STREAMS=5 python many_clients.py 20`.
"""

import asyncio
import json
import sys
from collections import Counter

import httpx2
from app import app


async def one_reply(browser: httpx2.AsyncClient) -> str:
    """Read one client's stream; say how it ended."""
    params = {"prompt": "Write a haiku about rivers."}
    async with browser.stream("GET", "/stream", params=params) as response:
        event = ""
        async for line in response.aiter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: ") and event == "done":
                done = json.loads(line.removeprefix("data: "))
                if done["stop_reason"] != "end_turn":  # refused, cut short
                    return f"whole, stop_reason {done['stop_reason']}"
                return "whole reply"
            elif line.startswith("data: ") and event == "failed":
                error = json.loads(line.removeprefix("data: "))
                return f"failed ({error['type']})"
    return "cut off"


async def main(clients: int) -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://relay"
    ) as browser:
        most_open = 0
        replies = asyncio.gather(*(one_reply(browser) for _ in range(clients)))
        while not replies.done():
            now = (await browser.get("/streams")).json()
            most_open = max(most_open, now["open"])
            await asyncio.sleep(0.005)
        endings = Counter(await replies)
        after = (await browser.get("/streams")).json()
    print(f"{clients} clients, at most {after['limit']} streams at once")
    print(f"most streams open together: {most_open}")
    for ending, count in sorted(endings.items()):
        print(f"{ending}: {count}")
    print(f"streams still open: {after['open']}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
