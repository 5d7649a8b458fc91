"""The troubleshooting page's naive SSE parser also breaks on the first delta that is not text.

It prints ``event["delta"]["text"]`` for every ``content_block_delta``; an ``input_json_delta``
(a tool call) or a ``thinking_delta`` has no ``text``. The snippet sends a plain request, so
no case can give it such a reply (the real API would not); this test runs the unmodified file
against the stand-in's tool call and thinking replies to show what the page says it does. It
runs warm, on the golden Python: the file's cold start is its golden run's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from standin import StandIn
from tests.examples.harness.case import Case
from tests.examples.harness.pythons import golden_python
from tests.examples.harness.runner import run
from tests.examples.harness.verdict import warm_interpreter

SNIPPET = "troubleshooting/naive_sse_parser.py"


@pytest.mark.parametrize("scenario", ["tool_use", "thinking"])
def test_a_delta_without_text_stops_the_naive_parser(scenario: str, tmp_path: Path) -> None:
    case = Case(SNIPPET, scenario, exit_code=1)
    with StandIn(scenario) as api:
        result = run(case, api, warm=warm_interpreter(golden_python().version), cwd=tmp_path)
    assert result.returncode == 1, result.describe()
    assert result.error_line == "KeyError: 'text'", result.describe()
