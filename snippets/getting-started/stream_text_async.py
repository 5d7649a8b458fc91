"""Stream a reply with the async client and print the text as it arrives."""

import asyncio

import anthropic

MODEL = "claude-sonnet-5-5"


# --8<-- [start:async-main]
async def main() -> None:
    # reads ANTHROPIC_API_KEY from the environment
    client = anthropic.AsyncAnthropic()

    async with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
    ) as stream:
        async for text in stream.text_stream:
            print(text, end="", flush=True)
        print()
        message = await stream.get_final_message()
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:async-main]
