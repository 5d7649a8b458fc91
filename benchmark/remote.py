"""Start and steer the stand-in process (``serve.py``) from the benchmark."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from .paths import ROOT


class RemoteStandIn:
    """``with RemoteStandIn() as api:`` then ``api.play(tokens, ...)`` and point clients at
    ``api.url``."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self.url = ""

    def __enter__(self) -> RemoteStandIn:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "benchmark.serve"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.url = self._read_line()
        if not self.url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"the stand-in process did not start: {self.url!r}")
        return self

    def __exit__(self, *exc: object) -> None:
        process = self._process
        if process is None:
            return
        if process.stdin:
            process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _read_line(self) -> str:
        assert self._process is not None and self._process.stdout is not None
        return self._process.stdout.readline().strip()

    def _ask(self, command: dict[str, Any]) -> Any:
        assert self._process is not None and self._process.stdin is not None
        self._process.stdin.write(json.dumps(command) + "\n")
        self._process.stdin.flush()
        line = self._read_line()
        if not line:
            raise RuntimeError("the stand-in process stopped")
        return json.loads(line)

    def play(self, tokens: int, first_event_delay: float = 0.0, event_delay: float = 0.0) -> None:
        """Answer every following request with ``tokens`` text chunks, paced as given."""
        options = {
            "tokens": tokens,
            "first_event_delay": first_event_delay,
            "event_delay": event_delay,
        }
        answer = self._ask({"play": options})
        if answer != "ok":
            raise RuntimeError(f"the stand-in refused {options}: {answer}")

    def sent_times(self) -> list[float]:
        """``time.monotonic()`` instants at which text deltas left the stand-in since ``play``."""
        return list(self._ask({"sent": True}))

    def status(self) -> dict[str, int]:
        """Requests seen, streams sent whole, streams whose client left early, since start."""
        return dict(self._ask({"status": True}))
