"""See which SDK exception each HTTP error from the Messages API becomes
(`max_retries=0`: fail at once instead of retrying)."""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic(max_retries=0)
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
        print(
            f"{err.status_code} {err.type:<21} "
            f"-> anthropic.{type(err).__name__}"
        )


if __name__ == "__main__":
    main()
