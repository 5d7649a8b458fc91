"""Set the read limit by name: it bounds each wait for the next bytes, so a
slow stream finishes and a stalled one fails with httpx2.ReadTimeout."""

import os
import sys

import anthropic
import httpx2

MODEL = "claude-sonnet-5-5"
# Set READ_TIMEOUT_SECONDS to try a short limit (the runs shown use 0.5).
READ_TIMEOUT = float(os.environ.get("READ_TIMEOUT_SECONDS", "60"))


def main() -> int:
    # --8<-- [start:read-limit]
    client = anthropic.Anthropic(
        timeout=anthropic.Timeout(600.0, connect=5.0, read=READ_TIMEOUT)
    )
    # --8<-- [end:read-limit]
    try:
        with client.messages.stream(
            model=MODEL,
            max_tokens=256,
            messages=[
                {"role": "user", "content": "Write a haiku about rivers."}
            ],
        ) as stream:
            for text in stream.text_stream:
                print(text, end="", flush=True)
            message = stream.get_final_message()
    except httpx2.ReadTimeout:
        print(
            f"\nNo data for {READ_TIMEOUT} s: "
            "httpx2.ReadTimeout. The text above is incomplete."
        )
        return 1
    print(f"\nDone: no gap between reads was longer than {READ_TIMEOUT} s.")
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
