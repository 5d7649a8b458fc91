"""The cloud clients page: Bedrock, Vertex AI and Foundry, each through the stand-in's door for
that platform (``standin/platforms.py``).

Each client reads its own variables, not ``ANTHROPIC_BASE_URL``: the cases point them at the
stand-in (``{standin}`` is its URL) and give each the credentials its platform takes. Vertex AI
gets its token the way a program on Google Cloud does, from the metadata server, which the
stand-in also plays (``standin/gce_metadata.py``).
"""

from __future__ import annotations

from standin import StandIn
from tests.examples.harness.case import Case, Check
from tests.examples.harness.runner import Run

BEDROCK = "cloud-platforms/stream_bedrock.py"
VERTEX = "cloud-platforms/stream_vertex.py"
FOUNDRY = "cloud-platforms/stream_foundry.py"

BEDROCK_ENV = {
    "ANTHROPIC_BEDROCK_BASE_URL": "{standin}",
    "AWS_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "AKIAFAKEKEYFORTHESTANDIN",
    "AWS_SECRET_ACCESS_KEY": "fake-secret-for-the-local-stand-in",
    "AWS_CONFIG_FILE": "aws-config-none",  # not the machine user's profiles
    "AWS_SHARED_CREDENTIALS_FILE": "aws-credentials-none",
    "AWS_EC2_METADATA_DISABLED": "true",
}
VERTEX_ENV = {
    "ANTHROPIC_VERTEX_BASE_URL": "{standin}/v1",
    "CLOUD_ML_REGION": "global",
    "ANTHROPIC_VERTEX_PROJECT_ID": "example-project",
    "GCE_METADATA_HOST": "{standin_host}",
    "GCE_METADATA_IP": "{standin_host}",
    "CLOUDSDK_CONFIG": ".",  # not the machine user's gcloud credentials
}
FOUNDRY_ENV = {
    "ANTHROPIC_FOUNDRY_BASE_URL": "{standin}/anthropic",
    "ANTHROPIC_FOUNDRY_API_KEY": "fake-foundry-key-for-the-local-stand-in",
}


def posted_to(path_start: str, count: int = 1) -> Check:
    """The snippet made ``count`` request(s) through the platform's door, answered by the
    stand-in (whatever the scenario said), and none to the Messages API's own path."""

    def check(run: Run, api: StandIn) -> None:
        posts = [r for r in api.requests if r.method == "POST"]
        assert len(posts) == count, f"expected {count} request(s), the stand-in saw {len(posts)}"
        for request in posts:
            assert request.path.startswith(path_start), f"sent to {request.path}"

    return check


def signed_for_bedrock(run: Run, api: StandIn) -> None:
    posted_to("/model/global.anthropic.")(run, api)
    (request,) = [r for r in api.requests if r.method == "POST"]
    assert request.path.endswith("/invoke-with-response-stream")
    assert "/us-east-1/bedrock/aws4_request" in request.headers["authorization"]


def only_the_foundry_key(run: Run, api: StandIn) -> None:
    """The Foundry key went in x-api-key and api-key; ANTHROPIC_API_KEY, which the suite sets
    for every example, went nowhere."""
    posted_to("/anthropic/v1/messages")(run, api)
    (request,) = [r for r in api.requests if r.method == "POST"]
    key = FOUNDRY_ENV["ANTHROPIC_FOUNDRY_API_KEY"]
    assert request.headers.get("x-api-key") == request.headers.get("api-key") == key
    assert "authorization" not in request.headers, "ANTHROPIC_API_KEY was sent to Foundry"


def token_from_the_metadata_server(run: Run, api: StandIn) -> None:
    posted_to("/v1/projects/example-project/locations/global/")(run, api)
    tokens = [r for r in api.requests if r.method == "GET" and "/token" in r.path]
    assert tokens, "the Vertex client sent a request without asking the metadata server"


CASES = [
    Case(BEDROCK, "text", env=BEDROCK_ENV, check=signed_for_bedrock),
    Case(
        BEDROCK,
        "status_429",
        env=BEDROCK_ENV,
        exit_code=1,
        capture="combined",
        check=posted_to("/model/", count=3),
    ),
    Case(
        BEDROCK,
        "overloaded_mid_stream",
        env=BEDROCK_ENV,
        exit_code=1,
        capture="combined",
        check=signed_for_bedrock,
    ),
    Case(VERTEX, "text", env=VERTEX_ENV, check=token_from_the_metadata_server),
    Case(
        VERTEX,
        "status_429",
        env=VERTEX_ENV,
        exit_code=1,
        capture="combined",
        check=posted_to("/v1/projects/", count=3),
    ),
    Case(FOUNDRY, "text", env=FOUNDRY_ENV, check=only_the_foundry_key),
]
