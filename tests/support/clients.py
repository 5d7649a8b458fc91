"""Clients for tests that send many requests to a local stand-in, sharing one TLS context.

Every ``httpx2.Client`` builds a TLS context and loads the system's CA certificates into it:
about 20 ms of CPU, more than a request to the stand-in costs. ``httpx2.post`` builds a client
for each call and so does ``anthropic.Anthropic``, so a parametrized test that made one per case
spent seconds on certificates that a plain-HTTP stand-in never uses. The clients here are still
made anew for each case (their own connections, nothing carried over); only the context, which
no request over ``http://`` reads, is built once.
"""

from __future__ import annotations

import functools
import ssl
from typing import Any

import anthropic
import httpx2

from tests.support.settings import FAKE_KEY


@functools.cache
def tls() -> ssl.SSLContext:
    """The context ``httpx2`` builds by default (``verify=True``), built once for the process."""
    return httpx2.create_ssl_context()


def sdk(url: str, **options: Any) -> anthropic.Anthropic:
    """A new SDK client for the stand-in at ``url``: no retries unless ``options`` say, and the
    SDK's own HTTP settings (``DefaultHttpxClient``: its timeout, limits, redirects and
    keep-alive), given the shared context."""
    settings = {"api_key": FAKE_KEY, "max_retries": 0, **options}
    http = anthropic.DefaultHttpxClient(verify=tls())
    return anthropic.Anthropic(base_url=url, http_client=http, **settings)


def async_sdk(url: str, **options: Any) -> anthropic.AsyncAnthropic:
    """``sdk``'s asynchronous twin, over ``DefaultAsyncHttpxClient``."""
    settings = {"api_key": FAKE_KEY, "max_retries": 0, **options}
    http = anthropic.DefaultAsyncHttpxClient(verify=tls())
    return anthropic.AsyncAnthropic(base_url=url, http_client=http, **settings)
