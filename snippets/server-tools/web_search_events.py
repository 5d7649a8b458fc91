"""Stream a reply that searches the web, and print each block and delta as
it arrives: the search call, its results, and the text that cites them.
"""

import anthropic

MODEL = "claude-sonnet-5-5"
WEB_SEARCH = {
    "type": "web_search_20260318",
    "name": "web_search",
    "max_uses": 3,
}


def show_results(content) -> None:
    # a list of results, or one error object when the search failed
    if not isinstance(content, list):
        print(f"  search failed: {content.error_code}")
        return
    for result in content:
        print(f"  result: {result.title} <{result.url}>")


def main() -> None:
    client = anthropic.Anthropic()

    cited = []
    with client.messages.stream(
        model=MODEL,
        max_tokens=1024,
        tools=[WEB_SEARCH],
        messages=[
            {"role": "user", "content": "How is text streamed over HTTP?"}
        ],
    ) as stream:
        for event in stream:
            if event.type == "content_block_start":
                block = event.content_block
                text = block.type == "text"
                print(
                    f"[{event.index}: {block.type}]", end=" " if text else "\n"
                )
                if block.type == "web_search_tool_result":
                    show_results(block.content)
            elif event.type == "content_block_delta":
                delta = event.delta
                if delta.type == "input_json_delta":
                    print(f"  input_json_delta: {delta.partial_json!r}")
                elif delta.type == "text_delta":
                    print(delta.text, end="", flush=True)
                elif delta.type == "citations_delta":
                    cited.append(delta.citation)
            elif event.type == "content_block_stop":
                if event.content_block.type == "text":
                    print()
                for citation in cited:
                    print(f"  citations_delta: <{citation.url}>")
                    print(f"    {citation.cited_text!r}")
                cited.clear()
        message = stream.get_final_message()

    usage = message.usage.server_tool_use
    print(f"stop_reason: {message.stop_reason}")
    print(f"web searches: {usage.web_search_requests if usage else 0}")


if __name__ == "__main__":
    main()
