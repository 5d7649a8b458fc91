"""Resume an interrupted stream: keep the text received, ask Claude to continue
it, and show each word once."""

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import anthropic
import httpx2

MODEL = "claude-sonnet-5-5"
MAX_RESUMES = 3
# Error events worth asking again after: overloaded, server error, rate limit,
# timeout. Any other (an invalid_request_error, say: an HTTP 400 outside a
# stream) would fail the same way.
RESUMABLE_ERROR_EVENTS = {
    "overloaded_error",
    "api_error",
    "rate_limit_error",
    "timeout_error",
}
QUOTE_CHARS = 80  # how much of the partial text the continue request quotes
MIN_OVERLAP = 4  # shorter matches may be coincidence, not a repeat


def overlap(received: str, continuation: str) -> int:
    """How many characters at the start of `continuation` repeat the end of
    `received`."""
    longest = min(len(received), len(continuation), QUOTE_CHARS)
    for size in range(longest, MIN_OVERLAP - 1, -1):
        if received.endswith(continuation[:size]):
            return size
    return 0


class Joiner:
    """Passes a continuation's text through once the part that repeats is cut
    off."""

    def __init__(self, received: str) -> None:
        self.received = received
        # nothing to hold back at the start
        self.held: str | None = "" if received else None
        self.shown = ""

    def feed(self, text: str) -> str:
        if self.held is not None:
            self.held += text
            if len(self.held) < QUOTE_CHARS:
                return ""
            return self.finish()
        self.shown += text
        return text

    def finish(self) -> str:
        """Release what is held back (the reply is over, or long enough to
        judge)."""
        if self.held is None:
            return ""
        new = self.held[overlap(self.received, self.held) :]
        self.held = None
        self.shown += new
        return new


def continue_request(messages: list[dict], received: str) -> list[dict]:
    """The documented continuation for Claude 4.6 and later: quote where the
    reply ended."""
    ask = (
        "Your previous response was interrupted. It ended with:\n"
        f"<partial_end>{received[-QUOTE_CHARS:]}</partial_end>\n"
        "Continue from exactly that point, "
        "without repeating what you already wrote."
    )
    return [
        *messages,
        {"role": "assistant", "content": received},
        {"role": "user", "content": ask},
    ]


class IncompleteReplyError(Exception):
    """The reply was still broken off after every resume."""


@dataclass
class Resumed:
    text: str
    stop_reason: str
    resumes: int


def stream_with_resume(
    client: anthropic.Anthropic,
    on_text: Callable[[str], None],
    *,
    messages: list[dict],
    pause_seconds: float = 1.0,
    **params,
) -> Resumed:
    """Stream a text reply to `messages`, resuming up to MAX_RESUMES times if
    it breaks."""
    received = ""
    for resumes in range(MAX_RESUMES + 1):
        request = (
            continue_request(messages, received) if received else messages
        )
        joiner = Joiner(received)
        stop_reason = None
        try:
            with client.messages.stream(messages=request, **params) as stream:
                for event in stream:
                    if event.type == "text":
                        on_text(joiner.feed(event.text))
                    elif event.type == "message_delta":
                        stop_reason = event.delta.stop_reason
        except anthropic.APIStatusError as err:
            if err.status_code != 200:
                # an HTTP error, already retried by the SDK: not an interrupted
                # stream
                raise
            if err.type not in RESUMABLE_ERROR_EVENTS:
                raise  # an error event that asking again cannot fix
        except httpx2.TransportError:
            pass  # the connection broke mid-stream
        if stop_reason is not None:
            # the reply was complete, even if the close was not clean
            on_text(joiner.finish())
            return Resumed(received + joiner.shown, stop_reason, resumes)
        # text still held back is dropped: it was never shown
        received += joiner.shown
        if resumes < MAX_RESUMES:  # no wait after the last try
            time.sleep(pause_seconds * 2**resumes)
    raise IncompleteReplyError(
        f"the reply was still incomplete after {MAX_RESUMES} resumes"
    )


def main() -> int:
    client = anthropic.Anthropic()
    try:
        result = stream_with_resume(
            client,
            lambda text: print(text, end="", flush=True),
            model=MODEL,
            max_tokens=1024,
            messages=[
                {"role": "user", "content": "Write a haiku about rivers."}
            ],
        )
    except anthropic.APIStatusError as err:
        where = (
            "error event"
            if err.status_code == 200
            else f"HTTP {err.status_code}"
        )
        print(f"\n[not resumed: {where} {err.type}]")
        return 1
    except IncompleteReplyError as err:
        print(f"\n[{err}]")
        return 1
    print(
        f"\n[{len(result.text)} characters, stop_reason "
        f"{result.stop_reason}, resumed {result.resumes} time(s)]"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
