"""Retry a stream that breaks after it has started, never showing a reply
twice: the partial text is discarded before each new attempt."""

import sys
import time
from collections.abc import Callable

import anthropic
import httpx2

MODEL = "claude-sonnet-5-5"
ATTEMPTS = 3
FIRST_BACKOFF_SECONDS = 0.5


class IncompleteStreamError(Exception):
    """The stream ended without a stop_reason."""


# --8<-- [start:broken]
# What a stream can raise once it has started.
BROKEN = (
    anthropic.APIStatusError,  # an error event (status_code 200)
    httpx2.TransportError,  # the connection broke or went silent
    IncompleteStreamError,  # the body ended before message_delta
)
# --8<-- [end:broken]
# --8<-- [start:when-to-retry]
# Error events worth another try; an invalid_request_error would fail again.
RETRYABLE_ERROR_EVENTS = {
    "overloaded_error",
    "api_error",
    "rate_limit_error",
    "timeout_error",
}


def can_retry(err: Exception) -> bool:
    if isinstance(err, anthropic.APIStatusError):
        # status_code 200 means an error event after the stream began; any
        # other status was an HTTP error that the SDK has already retried.
        return err.status_code == 200 and err.type in RETRYABLE_ERROR_EVENTS
    return isinstance(err, (httpx2.TransportError, IncompleteStreamError))


# --8<-- [end:when-to-retry]
def stream_once(
    client: anthropic.Anthropic, on_text: Callable[[str], None], **params
) -> anthropic.types.Message:
    with client.messages.stream(**params) as stream:
        for text in stream.text_stream:
            on_text(text)
        message = stream.get_final_message()
    if message.stop_reason is None:
        raise IncompleteStreamError("the stream ended before message_delta")
    return message


def stream_with_retries(
    client: anthropic.Anthropic,
    on_text: Callable[[str], None],
    on_discard: Callable[[Exception], None],
    **params,
) -> anthropic.types.Message:
    """Stream a reply, starting again (up to ATTEMPTS in all) when it breaks."""
    # --8<-- [start:retry-loop]
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return stream_once(client, on_text, **params)
        except BROKEN as err:  # the stream broke mid-way
            if attempt == ATTEMPTS or not can_retry(err):
                raise
            on_discard(err)  # the partial text goes before the next attempt
            time.sleep(FIRST_BACKOFF_SECONDS * 2 ** (attempt - 1))
    # --8<-- [end:retry-loop]
    raise AssertionError("unreachable")


def reason(err: Exception) -> str:
    if isinstance(err, anthropic.APIStatusError):
        return err.type
    return type(err).__name__


def main() -> int:
    client = anthropic.Anthropic()

    def discard(err: Exception) -> None:
        print(
            f"\n[interrupted ({reason(err)}); discarding "
            "the text above and starting again]"
        )

    def show(text: str) -> None:
        print(text, end="", flush=True)

    try:
        message = stream_with_retries(
            client,
            show,
            discard,
            model=MODEL,
            max_tokens=256,
            messages=[
                {"role": "user", "content": "Write a haiku about rivers."}
            ],
        )
    except BROKEN as err:
        if can_retry(err):  # raised only once every attempt had failed
            print(f"\n[gave up after {ATTEMPTS} attempts: {reason(err)}]")
        else:
            print(f"\n[failed, not worth another attempt: {reason(err)}]")
        return 1
    reply = "".join(
        block.text for block in message.content if block.type == "text"
    )
    print()
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")
    print(f"[complete: {len(reply)} characters committed]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
