"""Give up on a stream that stays connected but stops making progress: pings
reset the read timeout, but never reach this watchdog."""

import asyncio
import os
import sys

import anthropic

MODEL = "claude-sonnet-5-5"
# Set IDLE_TIMEOUT_SECONDS to try a short limit (the runs shown use 1).
IDLE_TIMEOUT = float(os.environ.get("IDLE_TIMEOUT_SECONDS", "120"))


class StreamIdleError(Exception):
    """No event (pings aside) arrived within the idle limit."""


async def stream_text(
    client: anthropic.AsyncAnthropic, idle_timeout: float, **params
) -> str:
    async with client.messages.stream(**params) as stream:
        events = aiter(stream)
        while True:
            try:
                event = await asyncio.wait_for(
                    anext(events), timeout=idle_timeout
                )
            except StopAsyncIteration:
                break
            # TimeoutError from Python 3.11 on, another class on 3.10
            except asyncio.TimeoutError:
                # Leaving the `async with` block closes the connection.
                raise StreamIdleError(
                    f"no progress for {idle_timeout} s"
                ) from None
            if event.type == "text":
                print(event.text, end="", flush=True)
        message = await stream.get_final_message()
    return message.stop_reason


async def main() -> int:
    client = anthropic.AsyncAnthropic()
    try:
        stop_reason = await stream_text(
            client,
            IDLE_TIMEOUT,
            model=MODEL,
            max_tokens=256,
            messages=[
                {"role": "user", "content": "Write a haiku about rivers."}
            ],
        )
    except StreamIdleError as err:
        print(
            f"\nGave up: {err} (pings kept the "
            "connection open, but no content came)."
        )
        return 1
    print(f"\nDone (stop_reason: {stop_reason}).")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
