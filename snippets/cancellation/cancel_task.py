"""Cancel a streaming asyncio task from outside, and let it close its connection.

A user who clicks "stop", a request handler whose client went away, a timeout: each ends in
`task.cancel()`. The CancelledError is raised inside the task at its current `await`, the
`async with` block exits, and the connection is closed on the way out.
"""

import asyncio

import anthropic

MODEL = "claude-sonnet-5-5"


async def write_reply(client: anthropic.AsyncAnthropic, first_line_shown: asyncio.Event) -> None:
    async with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        messages=[{"role": "user", "content": "Count from 1 to 40, one line each."}],
    ) as stream:
        async for text in stream.text_stream:
            print(text, end="", flush=True)
            if "\n" in text:
                first_line_shown.set()


async def main() -> None:
    client = anthropic.AsyncAnthropic()
    first_line_shown = asyncio.Event()
    task = asyncio.create_task(write_reply(client, first_line_shown))
    await first_line_shown.wait()  # stands in for "the user pressed stop"
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("[task cancelled; connection closed]")


if __name__ == "__main__":
    asyncio.run(main())
