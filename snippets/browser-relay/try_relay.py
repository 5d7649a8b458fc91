"""Call the relay in `app.py` in-process and print the SSE stream a browser
would receive.

No server and no browser needed: httpx2's ASGI transport sends the request
straight to the Starlette app, which streams from the Messages API as it would
behind uvicorn.
"""

import asyncio

import httpx2
from app import app


async def main() -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://relay"
    ) as browser:
        params = {"prompt": "Write a haiku about rivers."}
        async with browser.stream("GET", "/stream", params=params) as response:
            print(
                f"HTTP {response.status_code} "
                f"{response.headers['content-type']}"
            )
            async for line in response.aiter_lines():
                print(line)


if __name__ == "__main__":
    asyncio.run(main())
