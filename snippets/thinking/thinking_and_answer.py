"""Show Claude's thinking and its answer apart, each as it arrives."""

import anthropic

MODEL = "claude-sonnet-5-5"


def main() -> None:
    client = anthropic.Anthropic()

    with client.messages.stream(
        model=MODEL,
        max_tokens=4096,
        thinking={"type": "adaptive", "display": "summarized"},
        messages=[{"role": "user", "content": "What is 27 times 453?"}],
    ) as stream:
        section = None
        for event in stream:
            if event.type == "thinking":
                if section != "thinking":
                    section = "thinking"
                    print("--- thinking")
                print(event.thinking, end="", flush=True)
            elif event.type == "signature":
                print("\n[thinking block complete and signed]")
            elif event.type == "text":
                if section != "answer":
                    section = "answer"
                    print("--- answer")
                print(event.text, end="", flush=True)
        print()
        message = stream.get_final_message()

    print(f"[blocks: {', '.join(block.type for block in message.content)}]")
    # not a finished answer (refused, cut short): say why it ended
    if message.stop_reason != "end_turn":
        print(f"[stop_reason: {message.stop_reason}]")


if __name__ == "__main__":
    main()
