"""Stream a reply and report everything that can go wrong; exit 0 only when
the reply arrived whole and finished. An optional argument is the prompt."""

import sys

import anthropic
import httpx2

MODEL = "claude-sonnet-5-5"
PROMPT = sys.argv[1] if len(sys.argv) > 1 else "Write a haiku about rivers."


def main() -> int:
    # The SDK retries connection errors, 408, 409, 429 and 5xx (529 included)
    # by itself, honouring retry-after, but only until the stream has started.
    client = anthropic.Anthropic(max_retries=3)

    try:
        with client.messages.stream(
            model=MODEL,
            max_tokens=512,
            messages=[{"role": "user", "content": PROMPT}],
        ) as stream:
            for text in stream.text_stream:
                print(text, end="", flush=True)
            print()
            message = stream.get_final_message()
    except anthropic.APIStatusError as err:
        # An HTTP error before any event (after the SDK's retries), or an
        # `error` event in the middle of a stream, which arrives with
        # status_code 200 after some text was printed.
        where = (
            "mid-stream"
            if err.status_code == 200
            else f"HTTP {err.status_code}"
        )
        print(
            f"\nAPI error ({where}): {err.type}: {err.api_message}",
            file=sys.stderr,
        )
        return 1
    except anthropic.APIConnectionError as err:
        # Could not connect or timed out before the response headers, after the
        # retries.
        print(
            f"\nConnection failed before the stream started: {err}",
            file=sys.stderr,
        )
        return 1
    except httpx2.TransportError as err:
        # The connection broke after the stream began. The SDK does not retry
        # or resume here.
        print(
            f"\nConnection lost mid-stream: {type(err).__name__}: {err}",
            file=sys.stderr,
        )
        return 1

    print(f"stop_reason: {message.stop_reason}")
    print(
        f"usage: {message.usage.input_tokens} "
        f"in, {message.usage.output_tokens} out"
    )

    if message.stop_reason is None:
        # The body ended with no message_delta: what arrived is only part of
        # the reply.
        print(
            "Incomplete stream: the reply was "
            "cut off; do not use it as complete.",
            file=sys.stderr,
        )
        return 1
    if message.stop_reason == "max_tokens":
        print("The reply hit max_tokens and is truncated.", file=sys.stderr)
        return 1
    if message.stop_reason == "refusal":
        print(
            "The model declined to answer; do not retry the same request.",
            file=sys.stderr,
        )
        return 1
    if message.stop_reason not in ("end_turn", "stop_sequence"):
        print(
            f"The reply did not finish: stop_reason {message.stop_reason}.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
