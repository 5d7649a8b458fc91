"""AWS event-stream framing, as Bedrock's ``InvokeModelWithResponseStream`` writes it.

Bedrock does not send Server-Sent Events: each Messages API event travels as the base64
``bytes`` of a ``chunk`` message in the binary ``application/vnd.amazon.eventstream`` format,
and an error after the stream began is an ``exception`` message. A message is a prelude (total
length, headers length, CRC-32 of those eight bytes), typed headers, the payload, and a CRC-32
of everything before it; all integers are big-endian. The format is AWS's "event stream
encoding", the one ``botocore.eventstream`` decodes: the tests decode these bytes with it.
"""

from __future__ import annotations

import base64
import json
import struct
import zlib
from typing import Any

STRING = 7  # header value type: a UTF-8 string with a 2-byte length
# Real chunks carry a "p" field of letters and digits beside "bytes", which pads every chunk so
# that its size tells nothing about the text; clients ignore it.
PADDING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _headers(headers: dict[str, str]) -> bytes:
    out = b""
    for name, value in headers.items():
        raw_name, raw_value = name.encode(), value.encode()
        out += struct.pack(">B", len(raw_name)) + raw_name
        out += struct.pack(">BH", STRING, len(raw_value)) + raw_value
    return out


def message(headers: dict[str, str], payload: bytes) -> bytes:
    """One event-stream message."""
    encoded = _headers(headers)
    total = 12 + len(encoded) + len(payload) + 4
    prelude = struct.pack(">II", total, len(encoded))
    prelude += struct.pack(">I", zlib.crc32(prelude))
    body = prelude + encoded + payload
    return body + struct.pack(">I", zlib.crc32(body))


def chunk(event: dict[str, Any]) -> bytes:
    """A Messages API event as Bedrock streams it: a ``chunk`` whose ``bytes`` are its JSON."""
    data = json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode()
    pad = PADDING[: (len(data) * 7) % len(PADDING) + 1]
    payload = json.dumps({"bytes": base64.b64encode(data).decode(), "p": pad}).encode()
    return message(
        {":event-type": "chunk", ":content-type": "application/json", ":message-type": "event"},
        payload,
    )


def exception(kind: str, text: str) -> bytes:
    """An error inside the stream: ``kind`` is the member name (``throttlingException``)."""
    return message(
        {
            ":exception-type": kind,
            ":content-type": "application/json",
            ":message-type": "exception",
        },
        json.dumps({"message": text}).encode(),
    )
