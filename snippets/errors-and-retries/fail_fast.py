"""Turn the SDK's retries off for one call, to fail fast instead of waiting."""

import sys

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> int:
    # --8<-- [start:max-retries]
    # up to 5 attempts for every call (default: 3)
    client = anthropic.Anthropic(max_retries=4)
    # exactly 1 attempt for calls made through it
    fail_fast = client.with_options(max_retries=0)
    # --8<-- [end:max-retries]
    print(
        f"client: max_retries={client.max_retries}; "
        f"fail_fast: max_retries={fail_fast.max_retries}"
    )
    try:
        with fail_fast.messages.stream(
            model=MODEL,
            max_tokens=256,
            messages=[
                {"role": "user", "content": "Write a haiku about rivers."}
            ],
        ) as stream:
            print(stream.get_final_text())
            message = stream.get_final_message()
        # not a finished answer (refused, cut short): say why it ended
        if message.stop_reason != "end_turn":
            print(f"[stop_reason: {message.stop_reason}]")
    except anthropic.APIStatusError as err:
        print(
            f"{type(err).__name__}: HTTP "
            f"{err.status_code} {err.type}, not retried"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
