"""See how many times the SDK retried a failing request before it gave up.

The SDK retries some statuses on its own (429, 5xx, ...) up to `max_retries`
times, 2 by default, and raises only when the last attempt fails too. Each
attempt carries its retry count in the `x-stainless-retry-count` request
header, so the error's request tells you.
"""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()
    try:
        with client.messages.stream(
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
        retries = err.response.request.headers.get("x-stainless-retry-count")
        print(f"{err.status_code} {err.type}: raised after {retries} retries")


if __name__ == "__main__":
    main()
