"""Cache a growing conversation with one top-level cache_control."""

import anthropic

MODEL = "claude-sonnet-5-5"

STYLE_RULES = "\n".join(
    f"Rule {n}: when a reader asks about topic {n}, answer in plain words, "
    "name your source, and keep to one short paragraph."
    for n in range(1, 101)
)
SYSTEM = "You answer questions for a river museum.\n" + STYLE_RULES
QUESTIONS = [
    "Write a haiku about rivers.",
    "Now one about the sea.",
    "And one about rain.",
]


def main() -> None:
    client = anthropic.Anthropic()
    messages = []

    for turn, question in enumerate(QUESTIONS, start=1):
        messages.append({"role": "user", "content": question})
        with client.messages.stream(
            model=MODEL,
            max_tokens=256,
            system=SYSTEM,
            cache_control={"type": "ephemeral"},
            messages=messages,
        ) as stream:
            for event in stream:
                if event.type == "message_start":
                    usage = event.message.usage
                    print(
                        f"turn {turn}: input={usage.input_tokens} "
                        f"cache_write={usage.cache_creation_input_tokens} "
                        f"cache_read={usage.cache_read_input_tokens}"
                    )
            reply = stream.get_final_message()
        if reply.stop_reason != "end_turn":
            # refused or cut short: not a turn to build on
            print(f"[stop_reason: {reply.stop_reason}]")
            break
        messages.append({"role": "assistant", "content": reply.content})


if __name__ == "__main__":
    main()
