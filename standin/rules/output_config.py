"""``output_config``: the effort level and the structured output format (a JSON schema).

Shapes come from the SDK: ``OutputConfigParam`` (SDK types: anthropic/types/output_config_param.py:
``effort``, ``format``) and ``JSONOutputFormatParam`` (json_output_format_param.py: ``schema``
and ``type: "json_schema"``, both required). Structured outputs are generally available: the
field is ``output_config.format``, no beta header. The beta's top-level ``output_format`` is
deprecated but still accepted for a transition period (the structured outputs page, "Migrating
from beta?"), so it is read as ``output_config.format`` here; the SDK itself never sends it
(its ``output_format=`` argument is merged into ``output_config.format`` on the client).
"""

from __future__ import annotations

import typing
from typing import Any

from anthropic.types import JSONOutputFormatParam, OutputConfigParam

from ..registry import ASSUMED, rule
from .shapes import LITERAL, check_dict, check_keys, one_of, shape_of

CONFIG_SHAPE = shape_of(OutputConfigParam)
FORMAT_SHAPE = shape_of(JSONOutputFormatParam)
EFFORTS: tuple[str, ...] = typing.get_args(
    typing.get_args(typing.get_type_hints(OutputConfigParam)["effort"])[0]
)
STRUCTURED_OUTPUTS = "doc: https://platform.claude.com/docs/en/build-with-claude/structured-outputs"
# The beta's body field, still accepted as output_config.format.
DEPRECATED_FIELD = "output_format"

OPEN_OBJECT = rule(
    "output_config.open_object",
    "A JSON schema with an object that does not say ``additionalProperties: false``.",
    STRUCTURED_OUTPUTS,
    "{where}: For 'object' type, 'additionalProperties' must be explicitly set to false",
    wording="report: https://github.com/veryfront/veryfront-code/pull/3921",
    note="Recorded for the beta's output_format too (output_format.schema: ..., "
    "github.com/ax-llm/ax/issues/458). An explicit additionalProperties: true was answered "
    "in other words in 2026-08 (github.com/BerriAI/litellm/issues/35808); the stand-in says "
    "the same for both.",
)
CITATIONS = rule(
    "output_config.citations",
    "Citations combined with a JSON output format.",
    STRUCTURED_OUTPUTS,
    "{where}: citations cannot be used with a JSON output format; turn citations off on the "
    "documents, or leave out {where}",
    wording=ASSUMED,
)
BETA_FIELD = rule(
    "output_config.beta_field",
    "The beta's ``output_format`` body field is accepted, deprecated, and read as "
    "``output_config.format`` (checked as it is).",
    STRUCTURED_OUTPUTS,
    contradicted_by=(r"`output_format`.*\b(refused|not accepted)\b",),
)
BOTH_FORMATS = rule(
    "output_config.both_formats",
    "``output_format`` and ``output_config.format`` in one request.",
    "sdk: anthropic/lib/_parse/_transform.py",
    "output_format: cannot be combined with output_config.format; send output_config.format "
    "only (output_format is deprecated)",
    wording=ASSUMED,
    note="The SDK's beta client refuses both (validate_output_config_conflict); its GA "
    "messages.stream lets output_format= replace output_config's format. What the service "
    "answers was not found.",
    claims=(r"`output_format`.*\bboth\b.*\b400\b",),
)


def _open_object(schema: Any, where: str) -> str | None:
    """The path of the first object schema that does not forbid additional properties."""
    if not isinstance(schema, dict):
        return None
    is_object = schema.get("type") == "object" or "properties" in schema
    if is_object and schema.get("additionalProperties") is not False:
        return where
    children: list[tuple[Any, str]] = []
    for name, sub in (schema.get("properties") or {}).items():
        children.append((sub, f"{where}.properties.{name}"))
    for key in ("$defs", "definitions"):
        for name, sub in (schema.get(key) or {}).items():
            children.append((sub, f"{where}.{key}.{name}"))
    for key in ("anyOf", "allOf"):
        for i, sub in enumerate(schema.get(key) or []):
            children.append((sub, f"{where}.{key}.{i}"))
    if isinstance(schema.get("items"), dict):
        children.append((schema["items"], f"{where}.items"))
    for sub, at in children:
        found = _open_object(sub, at)
        if found:
            return found
    return None


def json_format(body: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON schema a request asks the reply to follow (in ``output_config.format``, or in
    the deprecated ``output_format``), or None."""
    config = body.get("output_config")
    fmt = config.get("format") if isinstance(config, dict) else None
    if fmt is None:
        fmt = body.get(DEPRECATED_FIELD)
    return fmt["schema"] if isinstance(fmt, dict) and isinstance(fmt.get("schema"), dict) else None


def _cites(messages: list[dict[str, Any]]) -> bool:
    for message in messages:
        content = message.get("content")
        for block in content if isinstance(content, list) else []:
            citations = block.get("citations") if block.get("type") == "document" else None
            if isinstance(citations, dict) and citations.get("enabled"):
                return True
    return False


def _check_format(fmt: Any, where: str, messages: list[dict[str, Any]]) -> None:
    """A JSON schema format the service can hold a reply to; ``where`` is the field it came in."""
    fmt = check_dict(fmt, where)
    check_keys(fmt, FORMAT_SHAPE, where)
    if fmt["type"] != "json_schema":
        raise LITERAL.error(where=f"{where}.type", allowed="'json_schema'")
    schema = check_dict(fmt["schema"], f"{where}.schema")
    if _open_object(schema, f"{where}.schema"):
        raise OPEN_OBJECT.error(where=f"{where}.schema")
    if _cites(messages):
        raise CITATIONS.error(where=where)


def check_output_config(body: dict[str, Any], messages: list[dict[str, Any]]) -> None:
    """A known effort, and a format (in ``output_config``, or in the beta's ``output_format``,
    not both) that is a JSON schema the service can hold a reply to."""
    config = body.get("output_config")
    old = body.get(DEPRECATED_FIELD)
    if config is not None:
        config = check_dict(config, "output_config")
        check_keys(config, CONFIG_SHAPE, "output_config")
        effort = config.get("effort")
        if effort is not None and effort not in EFFORTS:
            raise LITERAL.error(where="output_config.effort", allowed=one_of(EFFORTS))
        if config.get("format") is not None:
            if old is not None:
                raise BOTH_FORMATS.error()
            _check_format(config["format"], "output_config.format", messages)
    if old is not None and (config is None or config.get("format") is None):
        _check_format(old, DEPRECATED_FIELD, messages)
