"""Call the Django relay in `app.py` in-process, with no server, and print
what a browser receives: the status, the headers proxies read, the events.
"""

import asyncio

import httpx2
from app import app


async def main() -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://127.0.0.1"
    ) as browser:
        params = {"prompt": "Write a haiku about rivers."}
        async with browser.stream("GET", "/stream", params=params) as response:
            print(f"HTTP {response.status_code}")
            for name in ("content-type", "cache-control", "x-accel-buffering"):
                print(f"{name}: {response.headers.get(name)}")
            async for line in response.aiter_lines():
                print(line)


if __name__ == "__main__":
    asyncio.run(main())
