"""Google's metadata server, as far as Application Default Credentials use it.

On Google Cloud (Compute Engine, Cloud Run, GKE), ``google.auth.default()`` finds no key file
and asks the metadata server for the machine's service account token; ``AnthropicVertex``
with no ``access_token`` does exactly that. ``google-auth`` reaches the server at
``GCE_METADATA_HOST`` (and pings ``GCE_METADATA_IP``) when those are set, so pointing both at
the stand-in runs the whole credential flow of a reader's Vertex program on a laptop.

What the server answers (Compute Engine documentation, "About VM metadata" and "Access
tokens"): every answer carries ``Metadata-Flavor: Google``; a request without that header is
refused with 403; the token is a JSON object with ``access_token``, ``expires_in`` and
``token_type``. Only the paths ``google-auth`` reads are served.
"""

from __future__ import annotations

import json
import urllib.parse

ROOT = "/computeMetadata/v1/"
PROJECT_ID = "example-project"
SERVICE_ACCOUNT = "example-sa@example-project.iam.gserviceaccount.com"
SCOPE = "https://www.googleapis.com/auth/cloud-platform"
# Obviously not a real token; Google's start with "ya29.".
ACCESS_TOKEN = "ya29.fake-token-from-the-local-metadata-server"
FLAVOR = ("Metadata-Flavor", "Google")


def is_metadata(path: str) -> bool:
    return path.split("?")[0] in ("", "/") or path.startswith(ROOT)


def answer(path: str, headers: dict[str, str]) -> tuple[int, str, bytes]:
    """Status, content type and body for a GET of ``path`` on the metadata server."""
    if headers.get("metadata-flavor") != "Google":
        return 403, "text/html", b"Missing Metadata-Flavor:Google header.\n"
    parsed = urllib.parse.urlsplit(path)
    route = parsed.path
    if route in ("", "/"):
        return 200, "application/text", b"computeMetadata/\n"
    if route == ROOT + "project/project-id":
        return 200, "application/text", PROJECT_ID.encode()
    accounts = ROOT + "instance/service-accounts/"
    if route.startswith(accounts):
        name, _, rest = route[len(accounts) :].partition("/")
        if name not in ("default", SERVICE_ACCOUNT):
            return 404, "text/html", b"Not found\n"
        if rest == "":
            info = {"aliases": ["default"], "email": SERVICE_ACCOUNT, "scopes": [SCOPE]}
            return 200, "application/json", json.dumps(info).encode()
        if rest == "token":
            token = {"access_token": ACCESS_TOKEN, "expires_in": 3599, "token_type": "Bearer"}
            return 200, "application/json", json.dumps(token).encode()
    return 404, "text/html", b"Not found\n"
