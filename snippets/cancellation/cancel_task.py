"""Cancel a streaming asyncio task from outside (a "stop" button), and let it
close its connection on the way out."""

import asyncio
import sys

import anthropic

MODEL = "claude-sonnet-5-5"


async def write_reply(
    client: anthropic.AsyncAnthropic, first_line_shown: asyncio.Event
) -> str | None:
    """Print the reply as it arrives; return its stop_reason if it ends by
    itself."""
    async with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        messages=[
            {"role": "user", "content": "Count from 1 to 40, one line each."}
        ],
    ) as stream:
        async for text in stream.text_stream:
            if first_line_shown.is_set():
                # "stop" was pressed: show nothing more while the cancel
                # arrives
                continue
            print(text, end="", flush=True)
            if "\n" in text:
                first_line_shown.set()
        message = await stream.get_final_message()
    return message.stop_reason


async def main() -> int:
    client = anthropic.AsyncAnthropic()
    first_line_shown = asyncio.Event()
    task = asyncio.create_task(write_reply(client, first_line_shown))
    # stands in for "the user pressed stop"
    stop = asyncio.create_task(first_line_shown.wait())
    await asyncio.wait({task, stop}, return_when=asyncio.FIRST_COMPLETED)
    stop.cancel()
    task.cancel()  # does nothing if the task has already finished
    try:
        reason = await task
    except asyncio.CancelledError:
        print("[task cancelled; connection closed]")
    except anthropic.APIError as err:
        print(
            f"[the request failed ({type(err).__name__}); nothing to cancel]"
        )
        return 1
    else:
        print(
            f"\n[the reply ended by itself; stop_reason: {reason}; "
            "nothing to cancel]"
        )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
