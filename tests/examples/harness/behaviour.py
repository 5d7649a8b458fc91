"""What a program must do with any reply its request could get, checked without a golden text.

A run against an alternative reply prints other words than the golden file, so it is held to
behaviour: no ``None`` where the golden run printed a value, and a reply that ended for another
reason than ``end_turn`` named in the output. ``None`` is told apart by what precedes it on its
line (``input_tokens: None`` is labelled ``input_tokens``): a label the golden output never put
before ``None`` is a value the program expected and did not get. A ``None`` inside an object's
repr (``Name(field=None, ...)``) is the object printed whole, not a value expected, and is let be.
"""

from __future__ import annotations

import re
import time

from standin import StandIn

NONE = re.compile(r"\bNone\b")
LABEL = re.compile(r"([A-Za-z_][\w.]*)\W{0,4}$")
IN_A_REPR = re.compile(r"[(,]\s*\w+=$")
# How long the stand-in may take to mark a stream sent whole after its client read the end.
SETTLE = 2.0


def none_labels(output: str) -> dict[str, str]:
    """Each label printed before a ``None`` in ``output``, with the first line that has it."""
    found: dict[str, str] = {}
    for line in output.splitlines():
        for match in NONE.finditer(line):
            before = line[: match.start()]
            if IN_A_REPR.search(before):
                continue
            label = LABEL.search(before)
            found.setdefault(label.group(1) if label else "", line)
    return found


def new_nones(output: str, golden: str) -> list[str]:
    """``label: line`` for each label ``output`` prints ``None`` after and the golden never
    did, with the first line that does."""
    expected = none_labels(golden)
    found = none_labels(output).items()
    return [f"{label or '(no label)'}: {line}" for label, line in found if label not in expected]


def names(output: str, stop_reason: str) -> bool:
    """Whether ``output`` names ``stop_reason``: as sent (``max_tokens``) or in words
    (``max tokens``), in any case."""
    pattern = stop_reason.replace("_", "[ _-]")
    return re.search(pattern, output, re.IGNORECASE) is not None


def read_to_the_end(api: StandIn, stop_reason: str) -> bool:
    """Whether a reply that ended with ``stop_reason`` was sent whole, so the program could
    read how it ended (a program that leaves early never learns it)."""
    ids = [
        r.request_id
        for r in api.message_requests
        if r.plan is not None and r.plan.stop_reason == stop_reason
    ]
    deadline = time.monotonic() + SETTLE
    while True:
        gone = {d.request_id for d in api.disconnects}
        if any(i in api.completed for i in ids):
            return True
        if all(i in gone for i in ids) or time.monotonic() > deadline:
            return False
        time.sleep(0.02)
