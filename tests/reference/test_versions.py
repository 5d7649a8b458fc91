"""The versions the site states against the installed SDK, its metadata and the snippets.

Both the versions page and the home page state the SDK and API versions; each must be the
installed SDK's own. The Python requirement is read from the package metadata.
"""

from __future__ import annotations

import importlib.metadata
import re

import anthropic
import pytest
from anthropic._constants import ANTHROPIC_API_VERSION

from standin.validation import CURRENT_VERSION
from tests.reference import markdown
from tests.support.paths import ROOT, snippet_files

PAGES = ["reference/versions.md", "index.md"]
SDK_ROW = "Python SDK (`anthropic`)"
API_ROW = "API version (`anthropic-version` header)"


def _versions(page: str) -> dict[str, str]:
    for table in markdown.tables(markdown.page(page)):
        if table.header[-1] == "Version":
            return {row[0]: row[-1] for row in table.rows}
    raise AssertionError(f"{page} has no versions table")


@pytest.mark.parametrize("page", PAGES)
def test_the_stated_sdk_version_is_the_installed_one(page: str) -> None:
    stated = _versions(page)[SDK_ROW]
    assert stated == anthropic.__version__, (
        f"{page} says anthropic {stated}, but {anthropic.__version__} is installed: "
        "rerun the suite on the new version and update the page"
    )


@pytest.mark.parametrize("page", PAGES)
def test_the_stated_api_version_is_the_one_the_sdk_sends(page: str) -> None:
    assert _versions(page)[API_ROW] == ANTHROPIC_API_VERSION


def test_the_stand_in_serves_the_sdks_api_version() -> None:
    assert CURRENT_VERSION == ANTHROPIC_API_VERSION


def test_the_python_requirement_is_the_packages() -> None:
    required = importlib.metadata.metadata("anthropic")["Requires-Python"]
    assert _versions("reference/versions.md")["Python required by the SDK"] == required
    minimum = re.fullmatch(r">=\s*(\d+\.\d+)", required)
    assert minimum, f"unexpected Requires-Python {required!r}"
    assert f"Python {minimum.group(1)} or newer" in markdown.page("reference/versions.md")


def test_snippets_that_set_the_version_header_use_the_current_one() -> None:
    header = re.compile(r"""anthropic-version["']?\s*[:,]\s*["']?(\d{4}-\d{2}-\d{2})""")
    constant = re.compile(r"""API_VERSION\s*=\s*["'](\d{4}-\d{2}-\d{2})""")
    found = {
        (path.relative_to(ROOT).as_posix(), version)
        for path in snippet_files()
        for version in header.findall(path.read_text()) + constant.findall(path.read_text())
    }
    assert found, "no snippet sets the anthropic-version header"
    stale = sorted(f for f in found if f[1] != ANTHROPIC_API_VERSION)
    assert not stale, f"snippets sending another API version: {stale}"


def test_the_version_the_sdk_sent_is_shown() -> None:
    text = (ROOT / "snippets" / "reference" / "versions_in_use.text.out.txt").read_text()
    assert f"anthropic (Python SDK): {anthropic.__version__}" in text
    assert f"anthropic-version sent: {ANTHROPIC_API_VERSION}" in text
