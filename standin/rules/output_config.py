"""``output_config``: the effort level and the structured output format (a JSON schema).

Shapes come from the SDK: ``OutputConfigParam`` (SDK types: anthropic/types/output_config_param.py:
``effort``, ``format``) and ``JSONOutputFormatParam`` (json_output_format_param.py: ``schema``
and ``type: "json_schema"``, both required). Structured outputs are generally available under
this API version: the field is ``output_config.format``, no beta header (the SDK's non-beta
``messages.create`` and ``stream`` take it; the beta-era ``output_format`` body field is
refused as an extra input, ``validation.BODY_FIELDS``).

The schema rule is the service's, with its recorded wording: every object schema must say
``"additionalProperties": false`` ("output_config.format.schema: For 'object' type,
'additionalProperties' must be explicitly set to false", a 400 quoted in public reports).
Citations cannot be combined with a JSON output format (the structured outputs page:
platform.claude.com/docs/en/build-with-claude/structured-outputs, "Incompatible features");
that refusal's wording is the stand-in's own.
"""

from __future__ import annotations

import typing
from typing import Any

from anthropic.types import JSONOutputFormatParam, OutputConfigParam

from .errors import invalid
from .shapes import check_dict, check_keys, shape_of

CONFIG_SHAPE = shape_of(OutputConfigParam)
FORMAT_SHAPE = shape_of(JSONOutputFormatParam)
EFFORTS: tuple[str, ...] = typing.get_args(
    typing.get_args(typing.get_type_hints(OutputConfigParam)["effort"])[0]
)
WHERE = "output_config.format.schema"


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
    """The JSON schema a request asks the reply to follow, or None."""
    config = body.get("output_config")
    fmt = config.get("format") if isinstance(config, dict) else None
    return fmt["schema"] if isinstance(fmt, dict) and isinstance(fmt.get("schema"), dict) else None


def _cites(messages: list[dict[str, Any]]) -> bool:
    for message in messages:
        content = message.get("content")
        for block in content if isinstance(content, list) else []:
            citations = block.get("citations") if block.get("type") == "document" else None
            if isinstance(citations, dict) and citations.get("enabled"):
                return True
    return False


def check_output_config(config: Any, messages: list[dict[str, Any]]) -> None:
    """A known effort, and a format that is a JSON schema the service can hold a reply to."""
    if config is None:
        return
    config = check_dict(config, "output_config")
    check_keys(config, CONFIG_SHAPE, "output_config")
    effort = config.get("effort")
    if effort is not None and effort not in EFFORTS:
        allowed = ", ".join(f"'{e}'" for e in EFFORTS)
        raise invalid(f"output_config.effort: Input should be {allowed}")
    fmt = config.get("format")
    if fmt is None:
        return
    fmt = check_dict(fmt, "output_config.format")
    check_keys(fmt, FORMAT_SHAPE, "output_config.format")
    if fmt["type"] != "json_schema":
        raise invalid("output_config.format.type: Input should be 'json_schema'")
    schema = check_dict(fmt["schema"], WHERE)
    if _open_object(schema, WHERE):
        raise invalid(
            f"{WHERE}: For 'object' type, 'additionalProperties' must be explicitly set to false"
        )
    if _cites(messages):
        raise invalid(
            "output_config.format: citations cannot be used with a JSON output format; "
            "turn citations off on the documents, or leave out output_config.format"
        )
