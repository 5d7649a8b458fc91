"""Continue a turn the service paused: send it back as the assistant turn.

A reply that runs server tools may stop with stop_reason "pause_turn": the
service paused its own loop of searches, and the turn is not finished. Send
the same request again with the paused reply appended, as it came, as an
assistant turn; the model takes up where it stopped. Any other stop reason
ends the loop. A limit keeps a reply that pauses again and again from
looping forever.
"""

import anthropic

MODEL = "claude-sonnet-5-5"
WEB_SEARCH = {
    "type": "web_search_20260318",
    "name": "web_search",
    "max_uses": 5,
}
MAX_CONTINUATIONS = 5


def main() -> None:
    client = anthropic.Anthropic()
    messages = [{"role": "user", "content": "How is text streamed over HTTP?"}]

    for request in range(1, MAX_CONTINUATIONS + 2):
        with client.messages.stream(
            model=MODEL,
            max_tokens=1024,
            tools=[WEB_SEARCH],
            messages=messages,
        ) as stream:
            for text in stream.text_stream:
                print(text, end="", flush=True)
            message = stream.get_final_message()
        print()
        blocks = ", ".join(block.type for block in message.content)
        print(f"[request {request}: {message.stop_reason}; {blocks}]")
        if message.stop_reason != "pause_turn":
            break
        messages.append({"role": "assistant", "content": message.content})
    else:
        print("[still paused after the last continuation allowed]")

    sources = {
        citation.url
        for block in message.content
        if block.type == "text"
        for citation in block.citations or []
    }
    print(f"sources: {', '.join(sorted(sources))}")


if __name__ == "__main__":
    main()
