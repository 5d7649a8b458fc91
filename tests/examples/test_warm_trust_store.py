"""The warm runs' ``SSL_CERT_DIR`` (``harness/runner.py``) is read by the SDK's HTTP client, and
spares it parsing the system's certificates when it is built, without trusting fewer of them.

Run in a fresh interpreter with only the variable a warm run gets, so the test process's own
environment (which may set ``SSL_CERT_FILE``) plays no part.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.examples.harness.runner import WARM_TRUST_STORE

# The TLS context the SDK's default client builds (its transport calls httpx2's
# ``create_ssl_context`` with the defaults), and how many certificates it has loaded once built.
PROBE = """
import json, httpx2
print(json.dumps({"loaded": httpx2.create_ssl_context().cert_store_stats()["x509_ca"]}))
"""


def _loaded(env: dict[str, str]) -> int:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["loaded"]


def test_the_warm_runs_client_loads_no_certificate_up_front() -> None:
    if not WARM_TRUST_STORE:
        pytest.skip("this system's OpenSSL has no certificate directory by hash name")
    plain = {"PATH": "/usr/bin:/bin"}
    assert _loaded(plain) > 0, "the default client loaded no certificate: nothing to spare"
    assert _loaded({**plain, **WARM_TRUST_STORE}) == 0, (
        f"with {WARM_TRUST_STORE} the SDK's client still parses certificates when it is built"
    )
