"""See how many times the SDK retried a failing request before it gave up
(the `x-stainless-retry-count` header of its last attempt)."""

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
