"""The promises that tie pages, snippets and goldens together.

Every snippet is on a page and has a test; every output a page shows is a golden file that a
test produces; every snippet uses the one model id, which the installed SDK lists and does not
deprecate; no key-shaped string but obviously fake ones is in the repository.
"""

from __future__ import annotations

import re
import subprocess
import typing

import anthropic
import pytest
from anthropic._data import DEPRECATED_MODELS

from tests.examples.cases import all_cases
from tests.support.paths import DOCS, GOLDEN_SUFFIX, ROOT, golden_files, rel, snippet_files

INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')
MODEL_ID = re.compile(r"claude-[a-z0-9][a-z0-9.-]*[a-z0-9]")
CASES = all_cases()


def _pages() -> dict[str, str]:
    return {rel(p): p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md"))}


def _includes() -> dict[str, set[str]]:
    """Included path (without ``:section`` markers) -> pages that include it."""
    found: dict[str, set[str]] = {}
    for page, text in _pages().items():
        for target in INCLUDE.findall(text):
            found.setdefault(target.split(":")[0], set()).add(page)
    return found


def test_there_are_snippets_and_cases() -> None:
    assert snippet_files(), "no snippets found"
    assert CASES, "no snippet cases found"


def test_every_snippet_has_a_case() -> None:
    covered = {c.snippet for c in CASES}
    missing = [
        rel(p)
        for p in snippet_files()
        if p.relative_to(ROOT / "snippets").as_posix() not in covered
    ]
    assert not missing, f"snippets with no test case (add one in tests/examples/cases/): {missing}"


def test_every_case_names_an_existing_snippet() -> None:
    missing = [c.id for c in CASES if not c.path.is_file()]
    assert not missing, f"cases for snippets that do not exist: {missing}"


def test_every_golden_file_is_produced_by_a_case() -> None:
    produced = {c.golden for c in CASES}
    orphans = [rel(p) for p in golden_files() if p not in produced]
    assert not orphans, f"golden files no test produces (delete them): {orphans}"


def test_every_snippet_is_on_a_page() -> None:
    included = _includes()
    absent = [rel(p) for p in snippet_files() if rel(p) not in included]
    assert not absent, f"snippets no page includes: {absent}"


def test_every_include_resolves() -> None:
    broken = {t: sorted(pages) for t, pages in _includes().items() if not (ROOT / t).is_file()}
    assert not broken, f"includes of missing files: {broken}"


def test_every_output_on_a_page_comes_from_a_run() -> None:
    produced = {rel(c.golden) for c in CASES}
    shown = {t for t in _includes() if t.endswith(GOLDEN_SUFFIX)}
    typed = sorted(shown - produced)
    assert not typed, f"pages show outputs that no test case produces: {typed}"


def test_output_tabs_hold_only_included_output() -> None:
    """An Output tab may only include a golden file: output typed by hand is refused."""
    tab = re.compile(r'^([ \t]*)=== "Output[^"]*"\n((?:\1    .*\n|[ \t]*\n)+)', re.MULTILINE)
    offenders = []
    for page, text in _pages().items():
        for match in tab.finditer(text):
            body = [ln.strip() for ln in match.group(2).splitlines() if ln.strip()]
            content = [ln for ln in body if not ln.startswith("```")]
            if not content or not all(INCLUDE.search(ln) for ln in content):
                offenders.append(page)
    assert not offenders, f"Output tabs with text that is not an included golden file: {offenders}"


def _snippet_model_ids() -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {}
    for path in snippet_files():
        for model in MODEL_ID.findall(path.read_text(encoding="utf-8")):
            ids.setdefault(model, set()).add(rel(path))
    return ids


def test_one_model_id_across_all_snippets() -> None:
    ids = _snippet_model_ids()
    assert len(ids) == 1, f"snippets use more than one model id: {ids}"


def test_the_model_id_is_current_in_the_installed_sdk() -> None:
    (model,) = _snippet_model_ids()
    known = typing.get_args(typing.get_args(anthropic.types.ModelParam)[0])
    assert model in known, f"{model} is not in anthropic {anthropic.__version__}'s model list"
    assert model not in DEPRECATED_MODELS, f"{model} is deprecated: {DEPRECATED_MODELS[model]}"


# Around the one id, only the platform prefixes a cloud client's model id takes (Bedrock's
# inference profile: "global.anthropic.<id>").
PLATFORM_PREFIXED = re.compile(r"""["']([\w.-]*claude-[a-z0-9][a-z0-9.-]*[a-z0-9])["']""")
PLATFORM_PREFIXES = {"", "global.anthropic."}


def test_the_one_model_id_is_prefixed_only_as_a_platform_names_it() -> None:
    (model,) = _snippet_model_ids()
    for path in snippet_files():
        for quoted in PLATFORM_PREFIXED.findall(path.read_text(encoding="utf-8")):
            prefix = quoted.removesuffix(model)
            assert prefix in PLATFORM_PREFIXES, f"{rel(path)}: model id {quoted!r}"


KEY_SHAPED = re.compile(r"sk-ant-[A-Za-z0-9_\-]{4,}")


def test_no_key_shaped_strings_but_fake_ones() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    leaks = []
    for name in tracked.stdout.split():
        path = ROOT / name
        if not path.is_file() or path.suffix in (".png", ".ico"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        leaks += [f"{name}: {k}" for k in KEY_SHAPED.findall(text) if "fake" not in k]
    assert not leaks, f"key-shaped strings that are not obviously fake: {leaks}"
