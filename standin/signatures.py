"""Thinking-block signatures that the stand-in can check when a client sends them back.

The real service signs every thinking block it streams and refuses a block whose thinking no
longer matches its signature (``Invalid `signature` in `thinking` block``). The stand-in does the
same with an HMAC over the thinking text, so an example that edits, trims or rebuilds a thinking
block before passing it back fails here as it would against the real API.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

_KEY = b"standin-thinking-signature"


def sign(thinking: str) -> str:
    digest = hmac.new(_KEY, thinking.encode(), hashlib.sha256).digest()
    return base64.b64encode(b"\x12\x30standin" + digest).decode()


def verify(thinking: str, signature: str) -> bool:
    return hmac.compare_digest(sign(thinking), signature)
