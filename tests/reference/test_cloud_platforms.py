"""The "At a glance" table of the cloud clients page agrees with the installed SDK and its requests.

Each column is a platform. The client class must exist (with its async twin); the install cell
must name the SDK's extra and exactly the packages that extra adds; the base URL variable and
the default base URLs must be in the client's source; and a real request of the client to the
stand-in must have the path, the credential headers, the model and the version placement the
table states.
"""

from __future__ import annotations

import importlib.metadata
import inspect
import re
from collections.abc import Iterator

import anthropic
import pytest

from standin import StandIn
from tests.reference.markdown import code_names, page, section, table
from tests.support.cloud import point_cloud_clients

PAGE = "guides/cloud-platforms.md"
GLANCE = table(section(page(PAGE), "At a glance"), "Setting")
PLATFORMS = GLANCE.header[1:]
ROWS = {row[0]: dict(zip(PLATFORMS, row[1:], strict=True)) for row in GLANCE.rows}
HEADER_NAME = re.compile(r"^[a-z][a-z-]*$")


def _client_class(platform: str) -> type:
    (name,) = code_names(ROWS["Client class"][platform])
    return getattr(anthropic, name)


def _template(text: str) -> re.Pattern[str]:
    """A URL or path with ``{placeholders}`` as a pattern, each placeholder any text."""
    parts = re.split(r"\{[^}]+\}", text)
    return re.compile(".+?".join(re.escape(p) for p in parts))


def test_the_table_has_the_three_platforms() -> None:
    assert PLATFORMS == ["Amazon Bedrock", "Google Vertex AI", "Microsoft Foundry"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_client_class_and_its_async_twin_exist(platform: str) -> None:
    client = _client_class(platform)
    assert issubclass(client, anthropic._base_client.SyncAPIClient)
    assert hasattr(anthropic, f"Async{client.__name__}")


def _extra_packages(extra: str) -> set[str]:
    requires = importlib.metadata.requires("anthropic") or []
    found = [r for r in requires if re.search(rf"extra == ['\"]{re.escape(extra)}['\"]", r)]
    return {re.split(r"[\[<>=!~;\s]", r, maxsplit=1)[0] for r in found}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_install_cell_names_the_extra_and_what_it_adds(platform: str) -> None:
    first, *added = code_names(ROWS["Install"][platform])
    extra = re.fullmatch(r"anthropic(?:\[(\w+)\])?", first)
    assert extra is not None, f"{platform}: install cell starts with {first!r}"
    if extra[1] is None:
        assert not added, f"{platform}: names packages with no extra"
        return
    assert _extra_packages(extra[1]) == set(added), f"{platform}: anthropic[{extra[1]}]"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_base_url_variable_and_defaults_are_in_the_clients_source(platform: str) -> None:
    source = inspect.getsource(inspect.getmodule(_client_class(platform)))
    (variable,) = code_names(ROWS["Base URL variable"][platform])
    assert f'"{variable}"' in source, f"{platform}: {variable} is not read by the client"
    for default in code_names(ROWS["Default base URL"][platform]):
        if default.startswith("https://"):
            assert _template(default).search(source), f"{platform}: no default {default}"


@pytest.fixture
def cloud(monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    with StandIn("text") as api:
        point_cloud_clients(monkeypatch, api)
        yield api


@pytest.mark.parametrize("platform", PLATFORMS)
def test_a_request_goes_where_and_how_the_table_says(platform: str, cloud: StandIn) -> None:
    (path,) = [c.removeprefix("POST ") for c in code_names(ROWS["Streaming request"][platform])]
    (model,) = code_names(ROWS["Model id"][platform])
    client = _client_class(platform)(max_retries=0)
    with client.messages.stream(
        model=model, max_tokens=64, messages=[{"role": "user", "content": "Hi"}]
    ) as stream:
        stream.until_done()
    (sent,) = [r for r in cloud.requests if r.method == "POST"]
    assert _template(path).fullmatch(sent.path), f"{platform}: sent to {sent.path}"
    for header in code_names(ROWS["Credentials"][platform]):
        if HEADER_NAME.match(header):
            assert header in sent.headers, f"{platform}: no {header} header"
    where = ROWS["Model id"][platform]
    assert (model in sent.path) == where.startswith("in the path"), f"{platform}: model {where}"
    assert (sent.body.get("model") == model) == where.startswith("in the body")
    (version,) = code_names(ROWS["API version"][platform])
    if ROWS["API version"][platform].endswith("in the body"):
        assert version in sent.body, f"{platform}: no {version} in the body"
    else:
        assert version in sent.headers, f"{platform}: no {version} header"


def _bedrock_stream_exceptions() -> set[str]:
    """The exception members of botocore's model of Bedrock's response stream (what
    ``invoke-with-response-stream``, the path the Bedrock client streams from, may send)."""
    import botocore.session

    model = botocore.session.get_session().get_service_model("bedrock-runtime")
    members = model.shape_for("ResponseStream").members
    return {name for name, shape in members.items() if shape.metadata.get("exception")}


def test_the_page_names_every_exception_a_bedrock_stream_may_carry() -> None:
    item = next(
        line
        for line in page(PAGE).split("\n- ")
        if "serviceUnavailableException` here is one of" in line
    )
    listed = set(code_names(item.split("lists:", 1)[1]))
    known = _bedrock_stream_exceptions()
    assert listed == known, f"the page lists {sorted(listed)}; botocore's model has {sorted(known)}"
    words = {5: "five", 6: "six", 7: "seven", 8: "eight"}
    assert f" {words.get(len(known), len(known))} that botocore" in " ".join(item.split()), (
        f"the page's count does not say {len(known)}"
    )
