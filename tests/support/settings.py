"""The values the whole suite agrees on: the one model id and the obviously fake key."""

from __future__ import annotations

# The model every snippet names (tests/site/test_integrity.py holds them to it).
MODEL = "claude-sonnet-5-5"
# Accepted by the stand-in (it starts with sk-ant-) and obviously not a real key.
FAKE_KEY = "sk-ant-fake-key-for-the-local-stand-in"
