"""Point the SDK's cloud platform clients at a stand-in, within one test.

Each client reads its own variables (not ``ANTHROPIC_BASE_URL``) and its platform's
credentials; ``point_cloud_clients`` sets them all for the stand-in, with fake credentials and
nothing read from the machine user's AWS or gcloud configuration. Vertex AI's token comes from
the stand-in's metadata server, as on a Google Cloud machine.
"""

from __future__ import annotations

import pytest

from standin import StandIn

FAKE_AWS_KEY_ID = "AKIAFAKEKEYFORTHESTANDIN"


def point_cloud_clients(monkeypatch: pytest.MonkeyPatch, api: StandIn) -> None:
    host = api.url.removeprefix("http://")
    for name, value in {
        "AWS_ACCESS_KEY_ID": FAKE_AWS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY": "fake-secret-for-the-local-stand-in",
        "AWS_REGION": "us-east-1",
        "AWS_CONFIG_FILE": "/nonexistent",
        "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
        "AWS_EC2_METADATA_DISABLED": "true",
        "ANTHROPIC_BEDROCK_BASE_URL": api.url,
        "CLOUD_ML_REGION": "global",
        "ANTHROPIC_VERTEX_PROJECT_ID": "example-project",
        "ANTHROPIC_VERTEX_BASE_URL": f"{api.url}/v1",
        "GCE_METADATA_IP": host,
        "CLOUDSDK_CONFIG": "/nonexistent",
        "ANTHROPIC_FOUNDRY_API_KEY": "fake-foundry-key",
        "ANTHROPIC_FOUNDRY_BASE_URL": f"{api.url}/anthropic",
    }.items():
        monkeypatch.setenv(name, value)
    for name in ("GOOGLE_APPLICATION_CREDENTIALS", "AWS_BEARER_TOKEN_BEDROCK", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    # google-auth reads GCE_METADATA_HOST once, when it is imported: set it where it looks.
    from google.auth.compute_engine import _metadata

    monkeypatch.setattr(_metadata, "_GCE_METADATA_HOST", host)
