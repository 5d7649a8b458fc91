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

from ..registry import ASSUMED, rule
from .errors import ApiError

# The rule: the keys and types of the SDK's request types, generated from the API's schema. The
# words: pydantic's, whose messages the service answers with (``temperature: Extra inputs are
# not permitted``, recorded in facts/wire.md), each documented on pydantic's errors page.
SDK_TYPES = "sdk: anthropic/types/message_create_params.py"
PYDANTIC = "doc: https://docs.pydantic.dev/latest/errors/validation_errors/"

REQUIRED = rule(
    "shape.required",
    "A key the SDK's request type marks Required is missing.",
    SDK_TYPES,
    "{where}: Field required",
    wording=PYDANTIC,
)
EXTRA = rule(
    "shape.extra",
    "A key the SDK's request type does not declare is refused, not ignored.",
    SDK_TYPES,
    "{where}: Extra inputs are not permitted",
    wording="facts: wire.md",
)
WRONG_TYPE = rule(
    "shape.type",
    "A value of the wrong JSON type (an object, string, list, integer or boolean expected).",
    SDK_TYPES,
    "{where}: Input should be a valid {kind}",
    wording=PYDANTIC,
)
EITHER_TYPE = rule(
    "shape.union",
    "A value that is neither a string nor a list where the SDK's type takes either "
    "(``system``, a turn's ``content``).",
    SDK_TYPES,
    "{where}: Input should be a valid string or a valid list",
    wording=ASSUMED,
    note="pydantic reports a failed union as one error per member; the one-line form is the "
    "stand-in's.",
)
LITERAL = rule(
    "shape.literal",
    "A value outside the SDK's Literal choices (a role, a TTL, an effort, a service tier).",
    SDK_TYPES,
    "{where}: Input should be {allowed}",
    wording=PYDANTIC,
)
NO_TAG = rule(
    "shape.no_tag",
    "A block with no ``type``: its kind cannot be told.",
    "sdk: anthropic/types/content_block_param.py",
    "{where}: Unable to extract tag using discriminator 'type'",
    wording=PYDANTIC,
)
UNKNOWN_TAG = rule(
    "shape.tag",
    "A ``type`` the SDK's tagged union does not know.",
    "sdk: anthropic/types/content_block_param.py",
    "{where}: Input tag '{found}' found using 'type' does not match any of the expected tags: "
    "{expected}",
    wording="report: https://github.com/strands-agents/sdk-python/issues/1856",
)


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
    return UNKNOWN_TAG.error(where=where, found=found, expected=expected)


def one_of(values: typing.Iterable[str]) -> str:
    """Allowed values as pydantic lists them: ``'a', 'b' or 'c'``."""
    quoted = [f"'{v}'" for v in values]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def check_keys(value: dict[str, Any], shape: Shape, where: str) -> None:
    """Refuse a missing required key first, then a key the shape does not declare."""
    for key in sorted(shape.required - value.keys()):
        raise REQUIRED.error(where=f"{where}.{key}")
    for key in sorted(value.keys() - shape.allowed):
        raise EXTRA.error(where=f"{where}.{key}")


def check_dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise WRONG_TYPE.error(where=where, kind="dictionary")
    return value


def check_str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise WRONG_TYPE.error(where=where, kind="string")
    return value
