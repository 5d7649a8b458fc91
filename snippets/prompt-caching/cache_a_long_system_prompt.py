"""Cache a long system prompt, and read the cache figures of two requests."""

import anthropic

MODEL = "claude-sonnet-5-5"

# A long, unchanging system prompt: the part worth caching. A prefix shorter
# than the model's minimum cacheable length is not cached, and no error says
# so.
STYLE_RULES = "\n".join(
    f"Rule {n}: when a reader asks about topic {n}, answer in plain words, "
    "name your source, and keep to one short paragraph."
    for n in range(1, 101)
)
SYSTEM = [
    {
        "type": "text",
        "text": "You answer questions for a river museum.\n" + STYLE_RULES,
        "cache_control": {"type": "ephemeral"},
    }
]
QUESTIONS = ["Write a haiku about rivers.", "Write a haiku about the sea."]


def show_start(number: int, usage) -> None:
    split = usage.cache_creation
    five_minutes = split.ephemeral_5m_input_tokens if split else 0
    one_hour = split.ephemeral_1h_input_tokens if split else 0
    print(
        f"request {number} message_start: input={usage.input_tokens} "
        f"cache_write={usage.cache_creation_input_tokens} "
        f"(5m={five_minutes} 1h={one_hour}) "
        f"cache_read={usage.cache_read_input_tokens}"
    )


def show_final(number: int, usage) -> None:
    print(
        f"request {number} final message: input={usage.input_tokens} "
        f"cache_write={usage.cache_creation_input_tokens} "
        f"cache_read={usage.cache_read_input_tokens} "
        f"output={usage.output_tokens}"
    )


def ask(client: anthropic.Anthropic, number: int, question: str) -> None:
    with client.messages.stream(
        model=MODEL,
        max_tokens=256,
        system=SYSTEM,
        messages=[{"role": "user", "content": question}],
    ) as stream:
        for event in stream:
            if event.type == "message_start":
                show_start(number, event.message.usage)
        message = stream.get_final_message()
    show_final(number, message.usage)
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")


def main() -> None:
    client = anthropic.Anthropic()
    for number, question in enumerate(QUESTIONS, start=1):
        ask(client, number, question)


if __name__ == "__main__":
    main()
