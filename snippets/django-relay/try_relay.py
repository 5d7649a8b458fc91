"""Call the Django relay in `app.py` in-process and print what a browser
would receive: the status, the headers that matter to proxies, the events.

No server and no browser needed: httpx2's ASGI transport sends the request
straight to the Django ASGI application, which streams from the Messages API
as it would behind uvicorn.
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
