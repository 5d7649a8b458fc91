"""Continue a turn the service paused (stop_reason "pause_turn"): send the
same request again with the paused reply appended as the assistant turn.
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
