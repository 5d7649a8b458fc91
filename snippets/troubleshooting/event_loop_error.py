"""A mistake: asyncio.get_event_loop() after asyncio.run() has closed its loop
(asyncio, not the SDK, raises).
"""

import asyncio

import anthropic

MODEL = "claude-sonnet-5-5"


async def print_reply(prompt: str) -> None:
    client = anthropic.AsyncAnthropic()
    async with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": prompt}],
    ) as stream:
        async for text in stream.text_stream:
            print(text, end="", flush=True)
    print()


def main() -> None:
    asyncio.run(print_reply("Write a haiku about rivers."))
    loop = asyncio.get_event_loop()  # wrong: no loop is current any more
    loop.run_until_complete(print_reply("And one about the sea."))


if __name__ == "__main__":
    main()
