"""Print a stream's usage from each event: message_delta's figures replace
message_start's, never add to them."""

import anthropic

MODEL = "claude-sonnet-5-5"
COUNTS = {
    "input": "input_tokens",
    "cache_write": "cache_creation_input_tokens",
    "cache_read": "cache_read_input_tokens",
    "output": "output_tokens",
}


def counts(usage) -> dict[str, int]:
    """The token counts a usage object holds; a count it leaves out (None) is
    not listed."""
    found = {label: getattr(usage, field) for label, field in COUNTS.items()}
    return {
        label: value for label, value in found.items() if value is not None
    }


def show(label: str, tokens: dict[str, int]) -> None:
    print(
        f"{label:<23}"
        + " ".join(f"{name}={value}" for name, value in tokens.items())
    )


def main() -> None:
    client = anthropic.Anthropic()

    with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": "Write a haiku about rivers."}],
    ) as stream:
        for event in stream:
            if event.type == "message_start":
                start = counts(event.message.usage)
                show("message_start:", start)
            elif event.type == "message_delta":
                delta = counts(event.usage)
                show("message_delta:", delta)
        message = stream.get_final_message()

    wrong = {
        name: start.get(name, 0) + delta.get(name, 0) for name in start | delta
    }
    show("wrong (start + delta):", wrong)
    show("right (delta wins):", start | delta)
    show("final message usage:", counts(message.usage))
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    main()
