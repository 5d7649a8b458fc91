"""Look things up in the installed SDK's types, so the pages are checked against them."""

from __future__ import annotations

import types
import typing
from typing import Any

import pydantic


def _members(annotation: Any) -> list[Any]:
    """The concrete types inside Annotated / Optional / Union / list annotations."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, dict):
        return [m for arg in typing.get_args(annotation) for m in _members(arg)]
    return [annotation]


def models(annotation: Any) -> list[type[pydantic.BaseModel]]:
    return [
        m for m in _members(annotation) if isinstance(m, type) and issubclass(m, pydantic.BaseModel)
    ]


def by_type(union: Any) -> dict[str, type[pydantic.BaseModel]]:
    """``type`` literal -> model class, for a discriminated union of models."""
    found: dict[str, type[pydantic.BaseModel]] = {}
    for model in models(union):
        for value in typing.get_args(model.model_fields["type"].annotation):
            found[value] = model
    return found


def has_path(model: type[pydantic.BaseModel], dotted: str) -> bool:
    """Whether ``a.b.c`` names a field on ``model`` (through any member of a union)."""
    head, _, rest = dotted.partition(".")
    field = model.model_fields.get(head)
    if field is None:
        return False
    if not rest:
        return True
    return any(has_path(inner, rest) for inner in models(field.annotation))


def unknown_fields(value: pydantic.BaseModel, where: str = "") -> list[str]:
    """Fields present in a parsed payload that the SDK's model does not declare."""
    found = [f"{where}{name}" for name in (value.model_extra or {})]
    for name in type(value).model_fields:
        child = getattr(value, name, None)
        children = child if isinstance(child, list) else [child]
        for item in children:
            if isinstance(item, pydantic.BaseModel):
                found += unknown_fields(item, f"{where}{name}.")
    return found


def data_fields(model: type[pydantic.BaseModel]) -> set[str]:
    return set(model.model_fields) - {"type"}
