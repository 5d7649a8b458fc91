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

from .errors import invalid
from .models import FORCED_TOOL_CHOICE_REFUSED
from .shapes import check_dict, check_keys, check_str, shapes_of, tag_error

TOOL_SHAPES = shapes_of(ToolUnionParam)
CHOICE_SHAPES = shapes_of(ToolChoiceParam)

# "tools.16.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'", recorded from
# the API in github.com/modelcontextprotocol/modelcontextprotocol/issues/1345 and
# github.com/jedisct1/openapi-mcp/issues/9 (an older limit of 64 appears in 2025 reports).
TOOL_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,128}$")


def _check_custom(tool: dict[str, Any], where: str) -> None:
    at = f"{where}.custom"
    check_keys(tool, TOOL_SHAPES["custom"], at)
    name = check_str(tool["name"], f"{at}.name")
    if not TOOL_NAME.match(name):
        raise invalid(f"{at}.name: String should match pattern '{TOOL_NAME.pattern}'")
    schema = check_dict(tool["input_schema"], f"{at}.input_schema")
    if schema.get("type") != "object":
        raise invalid(f"{at}.input_schema.type: Input should be 'object'")


def check_tools(tools: Any) -> list[str]:
    """Refuse a malformed tool list; return the tools' names, in order."""
    if tools is None:
        return []
    if not isinstance(tools, list):
        raise invalid("tools: Input should be a valid list")
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
    # "tools: Tool names must be unique." (the API's error, quoted in
    # github.com/tailcallhq/forgecode/issues/892)
    if len(set(names)) != len(names):
        raise invalid("tools: Tool names must be unique.")
    return names


def check_tool_choice(choice: Any, tool_names: list[str], model: str) -> None:
    """A known kind of choice, with tools to choose from, naming one of them when it names one.

    The wording of the two refusals about the tools themselves (no tools, an unknown name) is
    the stand-in's: no recorded wording was found, only that ``tool_choice`` needs ``tools``.
    """
    if choice is None:
        return
    choice = check_dict(choice, "tool_choice")
    kind = choice.get("type")
    if kind not in CHOICE_SHAPES:
        raise tag_error("tool_choice", kind, CHOICE_SHAPES)
    check_keys(choice, CHOICE_SHAPES[kind], f"tool_choice.{kind}")
    if not tool_names:
        raise invalid("tool_choice: may only be specified while providing tools")
    if kind == "tool" and choice["name"] not in tool_names:
        raise invalid(f"tool_choice.name: no tool named '{choice['name']}' in tools")
    if kind in ("any", "tool") and model in FORCED_TOOL_CHOICE_REFUSED:
        raise invalid(
            f"tool_choice: forced tool use ('{kind}') is not supported by {model}; "
            "use 'auto' or 'none'"
        )
