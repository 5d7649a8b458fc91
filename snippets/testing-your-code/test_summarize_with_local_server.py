"""Test streaming code against a small HTTP server on 127.0.0.1 that sends
slow, broken and silent streams. Run with pytest, or as a script."""

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import anthropic
import httpx2
import pytest
from summarize import summarize
from test_summarize_with_mock_transport import reply, sse_body

MODEL = "claude-sonnet-5-5"


class ScriptedServer(ThreadingHTTPServer):
    """Answers every POST with `body`, sent in `pieces` pieces `pause` seconds
    apart, and closes the connection after `send_only` bytes when that is set.
    """

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ScriptedReply)
        self.body = b""
        self.pieces = 1
        self.pause = 0.0
        self.send_only: int | None = None
        self.requests = 0


class ScriptedReply(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ScriptedServer

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["content-length"]))
        self.server.requests += 1
        body = self.server.body
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        if self.server.send_only:
            body = body[: self.server.send_only]
        size = max(1, len(body) // self.server.pieces)
        for start in range(0, len(body), size):
            self.wfile.write(body[start : start + size])
            self.wfile.flush()
            time.sleep(self.server.pause)
        self.close_connection = True

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    httpd = ScriptedServer()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def client_for(
    server: ScriptedServer, read_timeout: float = 5.0
) -> anthropic.Anthropic:
    host, port = server.server_address[:2]
    return anthropic.Anthropic(
        api_key="fake-key-for-tests",
        base_url=f"http://{host}:{port}",
        timeout=anthropic.Timeout(5.0, read=read_timeout),
        # the default max_retries=2: the tests below show they do not apply
        # mid-stream
    )


def test_text_sent_in_small_pieces_arrives_whole(
    server: ScriptedServer,
) -> None:
    server.body = sse_body(reply("Rivers", " shape", " valleys."))
    server.pieces, server.pause = 40, 0.005
    pieces: list[str] = []
    assert (
        summarize(client_for(server), "...", on_text=pieces.append)
        == "Rivers shape valleys."
    )
    assert "".join(pieces) == "Rivers shape valleys."


def test_a_connection_broken_mid_stream_raises(server: ScriptedServer) -> None:
    body = sse_body(reply("Rivers", " shape", " valleys."))
    server.body, server.send_only = body, len(body) // 2
    with pytest.raises(httpx2.RemoteProtocolError):
        summarize(client_for(server), "...", on_text=len)
    assert server.requests == 1


def test_a_silent_stream_times_out(server: ScriptedServer) -> None:
    server.body = sse_body(reply("Rivers", " shape"))
    server.pieces, server.pause = 2, 1.0
    with pytest.raises(httpx2.ReadTimeout):
        summarize(client_for(server, read_timeout=0.3), "...", on_text=len)
    assert server.requests == 1


if __name__ == "__main__":
    # The same as `python -m pytest <this file> -qq -rp`: quiet, with one line
    # per passed test.
    here = Path(__file__).resolve().parent
    command = [
        sys.executable,
        "-m",
        "pytest",
        Path(__file__).name,
        "-qq",
        "-rp",
    ]
    sys.exit(
        subprocess.run(
            [*command, "-p", "no:cacheprovider"], cwd=here
        ).returncode
    )
