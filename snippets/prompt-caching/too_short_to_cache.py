"""A cache_control marker on a prompt below the model's minimum length:
nothing is cached, and nothing says so but the figures.
"""

import anthropic

MODEL = "claude-sonnet-5-5"

SYSTEM = [
    {
        "type": "text",
        "text": "You answer questions for a river museum, in one paragraph.",
        "cache_control": {"type": "ephemeral"},
    }
]


def main() -> None:
    client = anthropic.Anthropic()
    for number in (1, 2):
        with client.messages.stream(
            model=MODEL,
            max_tokens=256,
            system=SYSTEM,
            messages=[
                {"role": "user", "content": "Write a haiku about rivers."}
            ],
        ) as stream:
            message = stream.get_final_message()
        usage = message.usage
        print(
            f"request {number}: input={usage.input_tokens} "
            f"cache_write={usage.cache_creation_input_tokens} "
            f"cache_read={usage.cache_read_input_tokens}"
        )
        if message.stop_reason != "end_turn":
            print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    main()
