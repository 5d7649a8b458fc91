"""The token counts of a request that uses the cache are one consistent, illustrative count.

They are not the service's (no tokenizer runs here), so the prompt caching page calls them
illustrative; but they must agree with each other: the same prompt is the same size whether
its text is a string or a text block, and whether the marker is on a block or at the top of
the request, so a page's outputs can be compared (once they read 3001 + 19 in one and 3003 in
another). The write, the read and ``input_tokens`` add up to that size.
"""

from __future__ import annotations

from typing import Any

from standin import StandIn
from tests.support.clients import sdk
from tests.support.settings import FAKE_KEY, MODEL

RULES = "Answer in one short line. Cite the house style guide. " * 110
QUESTION = "Name one river."


def _total(api: StandIn, key: str, **params: Any) -> tuple[int, int, int]:
    """(input, written, read) of ``message_start``'s usage, for a fresh client's request."""
    client = sdk(api.url, api_key=key)
    with client.messages.stream(model=MODEL, max_tokens=64, **params) as stream:
        usage = stream.get_final_message().usage
    return (
        usage.input_tokens,
        usage.cache_creation_input_tokens or 0,
        usage.cache_read_input_tokens or 0,
    )


def test_the_same_prompt_counts_the_same_in_every_form(standin: StandIn) -> None:
    ask = [{"role": "user", "content": QUESTION}]
    block = {"type": "text", "text": RULES}
    forms = {
        "a marked system block": {
            "system": [{**block, "cache_control": {"type": "ephemeral"}}],
            "messages": ask,
        },
        "a system string, top-level marker": {
            "system": RULES,
            "messages": ask,
            "cache_control": {"type": "ephemeral"},
        },
        "a system block, the question as a block, top-level marker": {
            "system": [block],
            "messages": [{"role": "user", "content": [{"type": "text", "text": QUESTION}]}],
            "cache_control": {"type": "ephemeral"},
        },
    }
    counts = {
        name: _total(standin, f"{FAKE_KEY}-{i}", **params)
        for i, (name, params) in enumerate(forms.items())
    }
    totals = {name: sum(count) for name, count in counts.items()}
    assert len(set(totals.values())) == 1, counts
    marked = counts["a marked system block"]
    assert marked[1] > 0 and marked[0] > 0, "the marked block was not written, or nothing after it"
