"""The request-parameters page against the installed SDK's method signatures and the stand-in.

The parameters table must list exactly the keyword arguments of ``messages.stream`` and
``messages.create``, say which method takes each and whether it is required; the removed
sampling parameters must be absent from both signatures and refused by the API.
"""

from __future__ import annotations

import inspect

import anthropic
import pytest

from standin import StandIn
from standin.validation import REMOVED_IN_CURRENT
from tests.reference import markdown
from tests.support.settings import MODEL

PAGE = "reference/request-parameters.md"
COLUMNS = {"stream": "`stream()`", "create": "`create(stream=True)`"}


def _signatures() -> dict[str, dict[str, inspect.Parameter]]:
    client = anthropic.Anthropic(api_key="sk-ant-fake-key", base_url="http://127.0.0.1:9")
    return {
        method: dict(inspect.signature(getattr(client.messages, method)).parameters)
        for method in COLUMNS
    }


def _table() -> markdown.Table:
    return markdown.table(markdown.section(markdown.page(PAGE), "Parameters"), "Parameter")


def _removed() -> markdown.Table:
    text = markdown.page(PAGE)
    return markdown.table(
        markdown.section(text, "Removed: `temperature`, `top_p` and `top_k`"), "Parameter"
    )


def _yes(cell: str) -> bool:
    assert cell in ("yes", "no"), f"expected yes or no, found {cell!r}"
    return cell == "yes"


def test_the_table_names_each_parameter_once() -> None:
    names = [markdown.code_name(c) for c in _table().column("Parameter")]
    assert len(names) == len(set(names)), (
        f"listed twice: {sorted(n for n in names if names.count(n) > 1)}"
    )


def test_every_parameter_the_page_lists_exists_where_it_says() -> None:
    signatures = _signatures()
    for row in _table().records():
        name = markdown.code_name(row["Parameter"])
        for method, column in COLUMNS.items():
            says = _yes(row[column])
            has = name in signatures[method]
            assert says == has, (
                f"the page says {name!r} is {'' if says else 'not '}a parameter of "
                f"messages.{method}(), but anthropic {anthropic.__version__} says otherwise"
            )


def test_every_parameter_of_the_sdk_is_on_the_page() -> None:
    listed = {markdown.code_name(c) for c in _table().column("Parameter")}
    for method, parameters in _signatures().items():
        missing = sorted(set(parameters) - listed)
        assert not missing, f"messages.{method}() takes {missing}, which the page does not cover"


def test_required_parameters_are_the_ones_without_a_default() -> None:
    signatures = _signatures()
    for row in _table().records():
        name = markdown.code_name(row["Parameter"])
        for parameters in signatures.values():
            if name in parameters:
                required = parameters[name].default is inspect.Parameter.empty
                assert _yes(row["Required"]) == required, f"{name}: Required says {row['Required']}"


def test_removed_parameters_are_not_in_the_sdk() -> None:
    removed = [markdown.code_name(c) for c in _removed().column("Parameter")]
    assert set(removed) == set(REMOVED_IN_CURRENT), f"page lists {removed}"
    listed = {markdown.code_name(c) for c in _table().column("Parameter")}
    for name in removed:
        assert name not in listed, f"{name} is removed but the parameters table lists it as valid"
        for method, parameters in _signatures().items():
            assert name not in parameters, f"messages.{method}() accepts {name} again"


@pytest.mark.parametrize("name", REMOVED_IN_CURRENT)
def test_removed_parameters_fail_as_the_page_says(name: str) -> None:
    """TypeError from the SDK before any request; 400 from the API when forced into the body."""
    with StandIn("text") as api:
        client = anthropic.Anthropic(api_key="sk-ant-fake-key", base_url=api.url, max_retries=0)
        kwargs = {
            "model": MODEL,
            "max_tokens": 16,
            "messages": [{"role": "user", "content": "hi"}],
        }
        with pytest.raises(TypeError, match=f"unexpected keyword argument '{name}'"):
            client.messages.stream(**kwargs, **{name: 1})  # type: ignore[call-overload]
        assert not api.message_requests, "the SDK sent a request despite the TypeError"
        with (
            pytest.raises(anthropic.BadRequestError) as refused,
            client.messages.stream(**kwargs, extra_body={name: 1}) as stream,
        ):
            stream.until_done()
    assert refused.value.type == "invalid_request_error"
    row = {markdown.code_name(r["Parameter"]): r for r in _removed().records()}[name]
    assert "TypeError" in row["In the SDK (1.0 and later)"]
    assert "400 invalid_request_error" in row["In the API (version 2026-10-21)"]
