"""The errors page against the installed SDK's error mapping and retry rule.

The status -> exception table must agree with the outputs the page shows (one run of
``status_errors.py`` per status against the stand-in), with the SDK's own choice of class, and
its "retried" column with the SDK's ``_should_retry``. The retry defaults and the waits named
for ``retry-after-ms`` / ``retry-after`` are checked against the SDK's constants and code.
"""

from __future__ import annotations

import functools
import re

import anthropic
import httpx2
import pytest
from anthropic import _constants
from anthropic._models import FinalRequestOptions

from standin.scenarios.http_errors import ERRORS
from tests.reference import markdown
from tests.support.paths import ROOT

PAGE = "reference/errors.md"
OUTPUT = re.compile(r"^(\d{3}) (\w+)\s+-> anthropic\.(\w+)$")


@functools.cache
def _client() -> anthropic.Anthropic:
    """The SDK's default client, made once: the tests only ask it what it decides (nothing here
    changes it), and each new one loaded the CA certificates again (about 20 ms of CPU)."""
    return anthropic.Anthropic(api_key="sk-ant-fake-key", base_url="http://127.0.0.1:9")


def _status_table() -> dict[int, dict[str, str]]:
    table = markdown.table(markdown.section(markdown.page(PAGE), "HTTP errors"), "Status")
    return {int(r["Status"]): r for r in table.records()}


def _shown(status: int) -> tuple[str, str]:
    golden = ROOT / "snippets" / "reference" / f"status_errors.status_{status}.out.txt"
    match = OUTPUT.match(golden.read_text(encoding="utf-8").strip())
    assert match, f"{golden.name} is not one 'status type -> anthropic.Class' line"
    assert int(match.group(1)) == status
    return match.group(2), match.group(3)


def test_the_table_covers_every_status_the_stand_in_demonstrates() -> None:
    assert set(_status_table()) == {e.status for e in ERRORS}


@pytest.mark.parametrize("status", [e.status for e in ERRORS])
def test_each_row_is_what_the_run_printed_and_what_the_sdk_decides(status: int) -> None:
    row = _status_table()[status]
    error_type, class_name = _shown(status)
    assert markdown.code_name(row["`error.type`"]) == error_type
    assert markdown.code_name(row["SDK exception"]) == class_name  # a class of `anthropic`
    response = httpx2.Response(
        status, request=httpx2.Request("POST", "http://127.0.0.1:9/v1/messages")
    )
    chosen = type(_client()._make_status_error("x", body=None, response=response))
    assert chosen is getattr(anthropic, class_name), f"{status}: SDK raises {chosen.__name__}"
    retried = _client()._should_retry(response)
    assert row["Retried by the SDK"] == ("yes" if retried else "no"), f"{status}: retried={retried}"


def test_the_retry_defaults_are_the_sdks() -> None:
    table = markdown.table(markdown.page(PAGE), "Setting")
    for row in table.records():
        constant = markdown.code_name(row["SDK constant"])
        assert float(row["Default"]) == float(getattr(_constants, constant)), constant
    assert _client().max_retries == _constants.DEFAULT_MAX_RETRIES


def test_the_retry_after_waits_are_the_sdks() -> None:
    table = markdown.table(markdown.page(PAGE), "The failed response sent")
    options = FinalRequestOptions(method="post", url="/v1/messages")
    for row in table.records():
        name, _, value = markdown.code_name(row["The failed response sent"]).partition(": ")
        headers = httpx2.Headers({name: value})
        waited = _client()._calculate_retry_timeout(1, options, headers)
        assert waited == float(row["The SDK waits (seconds)"]), f"{name}: {value} -> {waited}"


def test_the_backoff_without_a_header_is_as_described() -> None:
    options = FinalRequestOptions(method="post", url="/v1/messages")
    client = _client().with_options(max_retries=10)
    waits = [client._calculate_retry_timeout(10 - n, options, httpx2.Headers()) for n in range(6)]
    ceilings = [0.5, 1, 2, 4, 8, 8]
    for wait, ceiling in zip(waits, ceilings, strict=True):
        assert 0.75 * ceiling <= wait <= ceiling, f"waits {waits}, expected up to {ceilings}"
    prose = " ".join(markdown.page(PAGE).split())
    assert "0.5 s before the first retry, then 1 s, 2 s, 4 s and at most 8 s" in prose
    assert "shortened by a random amount of up to a quarter" in prose


def test_the_mid_stream_error_is_shown_as_a_200_api_status_error() -> None:
    text = (
        ROOT / "snippets" / "reference" / "mid_stream_error.overloaded_mid_stream.out.txt"
    ).read_text()
    assert "APIStatusError: status_code=200 type='overloaded_error'" in text
    assert "is OverloadedError: False" in text


@pytest.mark.parametrize("status", [400, 529])
def test_the_shown_retry_counts_follow_the_table_and_the_default(status: int) -> None:
    golden = ROOT / "snippets" / "reference" / f"retries_before_failing.status_{status}.out.txt"
    shown = golden.read_text(encoding="utf-8")
    retried = _status_table()[status]["Retried by the SDK"] == "yes"
    expected = _constants.DEFAULT_MAX_RETRIES if retried else 0
    assert f"raised after {expected} retries" in shown, f"{golden.name}: {shown!r}"
