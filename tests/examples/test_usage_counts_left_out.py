"""The usage example copes with a message_delta that carries output_tokens alone.

The API's documented example stream sends ``"usage": {"output_tokens": 15}`` in its
``message_delta`` and no cache counts in ``message_start``; the SDK then gives the counts that
were left out as None. The stand-in always sends every count, so this test replays that
documented shape from a tiny server of its own and runs the snippet, unmodified, against it:
it must print no None, and its "right" figures must keep message_start's input count. It
runs warm, on the golden Python: the file's cold start is its golden run's.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.examples.harness.case import Case
from tests.examples.harness.pythons import golden_python
from tests.examples.harness.runner import run
from tests.examples.harness.verdict import warm_interpreter
from tests.support.settings import FAKE_KEY, MODEL

SNIPPET = "usage-and-cost/usage_while_streaming.py"

# The event flow of the API's documented example (Streaming Messages, "Basic streaming
# request"), with the counts it shows: message_start without cache counts, message_delta with
# output_tokens alone.
DOCUMENTED_FLOW: list[tuple[str, dict[str, Any]]] = [
    (
        "message_start",
        {
            "type": "message_start",
            "message": {
                "id": "msg_documented",
                "type": "message",
                "role": "assistant",
                "content": [],
                "model": MODEL,
                "stop_reason": None,
                "stop_sequence": None,
                "usage": {"input_tokens": 25, "output_tokens": 1},
            },
        },
    ),
    (
        "content_block_start",
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
    ),
    ("ping", {"type": "ping"}),
    (
        "content_block_delta",
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi"}},
    ),
    ("content_block_stop", {"type": "content_block_stop", "index": 0}),
    (
        "message_delta",
        {
            "type": "message_delta",
            "delta": {"stop_reason": "end_turn", "stop_sequence": None},
            "usage": {"output_tokens": 15},
        },
    ),
    ("message_stop", {"type": "message_stop"}),
]


class _Documented(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        body = "".join(
            f"event: {name}\ndata: {json.dumps(data)}\n\n" for name, data in DOCUMENTED_FLOW
        ).encode()
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("content-length", str(len(body)))
        self.send_header("request-id", "req_documented")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def documented_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Documented)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_counts_left_out_are_not_printed_as_none(documented_api: str, tmp_path: Path) -> None:
    # No stand-in: the case's own environment names the tiny server, with a fake key.
    case = Case(
        SNIPPET, None, env={"ANTHROPIC_BASE_URL": documented_api, "ANTHROPIC_API_KEY": FAKE_KEY}
    )
    done = run(case, None, warm=warm_interpreter(golden_python().version), cwd=tmp_path)
    assert done.returncode == 0, done.describe()
    lines = dict(line.split(":", 1) for line in done.stdout.splitlines())
    assert "None" not in done.stdout, done.stdout
    assert lines["message_delta"].split() == ["output=15"]
    assert lines["right (delta wins)"].split() == ["input=25", "output=15"]
    assert lines["final message usage"].split() == ["input=25", "output=15"]
