"""The troubleshooting page's naive SSE parser also breaks on the first delta that is not text.

It prints ``event["delta"]["text"]`` for every ``content_block_delta``; an ``input_json_delta``
(a tool call) or a ``thinking_delta`` has no ``text``. The snippet sends a plain request, so
no case can give it such a reply (the real API would not); this test runs the unmodified file
against the stand-in's tool call and thinking replies to show what the page says it does.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from standin import StandIn
from tests.support.paths import SNIPPETS
from tests.support.settings import FAKE_KEY

SNIPPET = SNIPPETS / "troubleshooting" / "naive_sse_parser.py"


@pytest.mark.parametrize("scenario", ["tool_use", "thinking"])
def test_a_delta_without_text_stops_the_naive_parser(scenario: str) -> None:
    with StandIn(scenario) as api:
        done = subprocess.run(
            [sys.executable, str(SNIPPET)],
            env={"ANTHROPIC_BASE_URL": api.url, "ANTHROPIC_API_KEY": FAKE_KEY},
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == "KeyError: 'text'", done.stderr[-500:]
