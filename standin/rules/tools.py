"""Tool definitions (``tools``) and the choice among them (``tool_choice``).

Shapes come from the SDK: ``ToolUnionParam`` (SDK types: anthropic/types/tool_union_param.py)
for the kinds of tool, ``ToolParam`` (tool_param.py) for a custom tool, whose ``input_schema``
must have ``type: "object"`` (``InputSchemaTyped.type: Required[Literal["object"]]``), and
``ToolChoiceParam`` (tool_choice_param.py) for the four kinds of choice.
"""

from __future__ import annotations

import re
from typing import Any

from anthropic.types import ToolChoiceParam, ToolUnionParam

from ..registry import ASSUMED, rule
from .models import FORCED_TOOL_CHOICE_REFUSED
from .shapes import WRONG_TYPE, check_dict, check_keys, check_str, shapes_of, tag_error

TOOL_SHAPES = shapes_of(ToolUnionParam)
CHOICE_SHAPES = shapes_of(ToolChoiceParam)

TOOL_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,128}$")

NAME_PATTERN = rule(
    "tools.name_pattern",
    "A custom tool's name of other characters than letters, digits, _ and -, or longer than 128.",
    "report: https://github.com/modelcontextprotocol/modelcontextprotocol/issues/1345",
    "{where}: String should match pattern '{pattern}'",
    note="Also github.com/jedisct1/openapi-mcp/issues/9; an older limit of 64 appears in 2025 "
    "reports.",
)
SCHEMA_NOT_OBJECT = rule(
    "tools.schema_not_object",
    "A custom tool's ``input_schema`` whose type is not ``object``.",
    "sdk: anthropic/types/tool_param.py",
    "{where}: Input should be 'object'",
    wording="doc: https://docs.pydantic.dev/latest/errors/validation_errors/",
)
DUPLICATE_NAMES = rule(
    "tools.duplicate_names",
    "Two tools with the same name.",
    "report: https://github.com/tailcallhq/forgecode/issues/892",
    "tools: Tool names must be unique.",
)
CHOICE_WITHOUT_TOOLS = rule(
    "tools.choice_without_tools",
    "A ``tool_choice`` with no ``tools`` to choose from.",
    ASSUMED,
    "tool_choice: may only be specified while providing tools",
)
CHOICE_UNKNOWN_NAME = rule(
    "tools.choice_unknown_name",
    "A ``tool_choice`` that names a tool not in ``tools``.",
    ASSUMED,
    "tool_choice.name: no tool named '{name}' in tools",
)
FORCED_CHOICE = rule(
    "tools.forced_choice",
    "Forced tool use (``tool_choice`` any or tool) on Opus 5.5 and Sonnet 5.5.",
    "doc: https://platform.claude.com/docs/en/models/sonnet-5-5/overview",
    "tool_choice: forced tool use ('{kind}') is not supported by {model}; use 'auto' or 'none'",
    wording=ASSUMED,
    note='Also facts/sdk.md ("Opus 5.5 and Sonnet 5.5 reject forced tool use"). A refusal '
    "recorded from claude-fable-5 reads 'tool_choice forces tool use is not compatible with "
    "this model' (github.com/Yeachan-Heo/gajae-code/pull/482); the stand-in's own words are "
    "kept so far.",
)


def _check_custom(tool: dict[str, Any], where: str) -> None:
    at = f"{where}.custom"
    check_keys(tool, TOOL_SHAPES["custom"], at)
    name = check_str(tool["name"], f"{at}.name")
    if not TOOL_NAME.match(name):
        raise NAME_PATTERN.error(where=f"{at}.name", pattern=TOOL_NAME.pattern)
    schema = check_dict(tool["input_schema"], f"{at}.input_schema")
    if schema.get("type") != "object":
        raise SCHEMA_NOT_OBJECT.error(where=f"{at}.input_schema.type")


def check_tools(tools: Any) -> list[str]:
    """Refuse a malformed tool list; return the tools' names, in order."""
    if tools is None:
        return []
    if not isinstance(tools, list):
        raise WRONG_TYPE.error(where="tools", kind="list")
    names = []
    for i, tool in enumerate(tools):
        where = f"tools.{i}"
        tool = check_dict(tool, where)
        kind = tool.get("type") or "custom"  # a custom tool may leave out its type
        if kind not in TOOL_SHAPES:
            raise tag_error(where, kind, TOOL_SHAPES)
        if kind == "custom":
            _check_custom(tool, where)
        else:
            check_keys(tool, TOOL_SHAPES[kind], f"{where}.{kind}")
        names.append(tool.get("name"))
    if len(set(names)) != len(names):
        raise DUPLICATE_NAMES.error()
    return names


def check_tool_choice(choice: Any, tool_names: list[str], model: str) -> None:
    """A known kind of choice, with tools to choose from, naming one of them when it names one."""
    if choice is None:
        return
    choice = check_dict(choice, "tool_choice")
    kind = choice.get("type")
    if kind not in CHOICE_SHAPES:
        raise tag_error("tool_choice", kind, CHOICE_SHAPES)
    check_keys(choice, CHOICE_SHAPES[kind], f"tool_choice.{kind}")
    if not tool_names:
        raise CHOICE_WITHOUT_TOOLS.error()
    if kind == "tool" and choice["name"] not in tool_names:
        raise CHOICE_UNKNOWN_NAME.error(name=choice["name"])
    if kind in ("any", "tool") and model in FORCED_TOOL_CHOICE_REFUSED:
        raise FORCED_CHOICE.error(kind=kind, model=model)
