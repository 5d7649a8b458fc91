"""Catch an error that arrives inside a stream that had already started: a
200 response, then an `error` event, raised as `APIStatusError`."""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()
    received = []
    try:
        with client.messages.stream(
            model=MODEL,
            max_tokens=256,
            messages=[
                {"role": "user", "content": "Write a haiku about rivers."}
            ],
        ) as stream:
            for text in stream.text_stream:
                received.append(text)
            message = stream.get_final_message()
    except anthropic.APIStatusError as err:
        print(f"received before the error: {''.join(received)!r}")
        print(
            f"{type(err).__name__}: "
            f"status_code={err.status_code} type={err.type!r}"
        )
        print(
            f"is OverloadedError: {isinstance(err, anthropic.OverloadedError)}"
        )
    else:  # no error this time (the usual case): the whole reply arrived
        print(f"no error; the reply: {''.join(received)!r}")
        # not a finished answer (refused, cut short): say why it ended
        if message.stop_reason != "end_turn":
            print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    main()
