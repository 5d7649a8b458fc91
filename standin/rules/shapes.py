"""Object shapes read off the installed SDK's request types, checked the way the service checks them.

The SDK's ``TypedDict`` request types (``anthropic/types/*_param.py``) are generated from the
API's own schema, so their keys are the keys the service accepts: a required key that is
missing is ``Field required``, a key they do not declare is ``Extra inputs are not permitted``,
and an unknown ``type`` tag is refused with the list of tags the union knows. The wording is the
service's (pydantic) wording, as recorded in public error reports, for example
``temperature: Extra inputs are not permitted`` (as the API words it) and ``thinking: Input tag 'adaptive'
found using 'type' does not match any of the expected tags: 'disabled', 'enabled'``
(github.com/strands-agents/sdk-python/issues/1856).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

from .errors import ApiError, invalid


@dataclass(frozen=True)
class Shape:
    """One member of a tagged union: its ``type`` tag and the keys it requires and allows."""

    tag: str
    required: frozenset[str]
    allowed: frozenset[str]


def _is_required(hint: Any) -> bool:
    return typing.get_origin(hint) is typing.Required


def _literal_values(hint: Any) -> tuple[str, ...]:
    """The string literals inside a hint such as ``Required[Literal["text"]]`` or
    ``Optional[Literal["custom"]]``."""
    if typing.get_origin(hint) is typing.Literal:
        return tuple(v for v in typing.get_args(hint) if isinstance(v, str))
    return tuple(v for arg in typing.get_args(hint) for v in _literal_values(arg))


def shape_of(typed_dict: type) -> Shape:
    hints = typing.get_type_hints(typed_dict, include_extras=True)
    tags = _literal_values(hints.get("type"))
    required = frozenset(k for k, v in hints.items() if _is_required(v))
    return Shape(tags[0] if tags else "", required, frozenset(hints))


def shapes_of(union: Any) -> dict[str, Shape]:
    """Each member of a tagged union of ``TypedDict`` types, by its ``type`` tag, in order."""
    found: dict[str, Shape] = {}
    for member in typing.get_args(union):
        if isinstance(member, type) and hasattr(member, "__annotations__"):
            shape = shape_of(member)
            found.setdefault(shape.tag, shape)
    return found


def tag_error(where: str, found: Any, tags: typing.Iterable[str]) -> ApiError:
    expected = ", ".join(f"'{t}'" for t in tags)
    return invalid(
        f"{where}: Input tag '{found}' found using 'type' does not match any of the expected "
        f"tags: {expected}"
    )


def check_keys(value: dict[str, Any], shape: Shape, where: str) -> None:
    """Refuse a missing required key first, then a key the shape does not declare."""
    for key in sorted(shape.required - value.keys()):
        raise invalid(f"{where}.{key}: Field required")
    for key in sorted(value.keys() - shape.allowed):
        raise invalid(f"{where}.{key}: Extra inputs are not permitted")


def check_dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise invalid(f"{where}: Input should be a valid dictionary")
    return value


def check_str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise invalid(f"{where}: Input should be a valid string")
    return value
