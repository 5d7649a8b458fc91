"""The values the whole suite agrees on: the one model id, the obviously fake key, and the
headers a request made by hand (not by the SDK) sends the stand-in."""

from __future__ import annotations

from standin.validation import CURRENT_VERSION

# The model every snippet names (tests/site/test_integrity.py holds them to it).
MODEL = "claude-sonnet-5-5"
# Accepted by the stand-in (it starts with sk-ant-) and obviously not a real key.
FAKE_KEY = "sk-ant-fake-key-for-the-local-stand-in"
# A request made by hand, with no SDK: the key and the API version the site is written for.
HEADERS = {"x-api-key": FAKE_KEY, "anthropic-version": CURRENT_VERSION}
