"""The stop-reasons page against the installed SDK's ``StopReason`` and the outputs it shows."""

from __future__ import annotations

import typing

import anthropic

from tests.reference import markdown
from tests.support.paths import ROOT

PAGE = "reference/stop-reasons.md"
SNIPPETS = ROOT / "snippets" / "reference"


def _values() -> list[str]:
    table = markdown.table(markdown.page(PAGE), "`stop_reason`")
    return [markdown.code_name(c) for c in table.column("`stop_reason`")]


def test_the_table_lists_every_stop_reason_of_the_sdk_and_none() -> None:
    values = _values()
    sdk_values = typing.get_args(anthropic.types.StopReason)
    assert len(values) == len(set(values)), f"listed twice: {values}"
    assert set(values) == {*sdk_values, "None"}, (
        f"page: {sorted(values)}; anthropic {anthropic.__version__}: {sorted(sdk_values)} and None"
    )


def test_the_shown_runs_end_with_the_stop_reasons_the_table_names() -> None:
    values = set(_values())
    for golden, expected in [
        ("stop_reason.text.out.txt", "'end_turn'"),
        ("stop_reason.tool_use.out.txt", "'tool_use'"),
        ("stop_reason.ended_early.out.txt", "None"),
    ]:
        text = (SNIPPETS / golden).read_text(encoding="utf-8")
        assert f"stop_reason:   {expected}" in text, f"{golden} does not show {expected}"
        assert expected.strip("'") in values
