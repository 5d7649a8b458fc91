"""The shape of each content block in ``messages``: its type, its keys and their types.

Block types and keys come from the SDK's ``ContentBlockParam`` union
(SDK types: anthropic/types/content_block_param.py and the ``*_block_param.py`` it names), so
an unknown block type, a missing ``id`` or an extra key is refused as the service refuses it.
"""

from __future__ import annotations

from typing import Any

from anthropic.types import ContentBlockParam

from .shapes import NO_TAG, check_dict, check_keys, check_str, shapes_of, tag_error

BLOCK_SHAPES = shapes_of(ContentBlockParam)

# Keys whose type the stand-in checks beyond their presence. SDK types:
# anthropic/types/text_block_param.py (text: str), tool_use_block_param.py (id, name: str;
# input: Dict[str, object]), tool_result_block_param.py (tool_use_id: str),
# thinking_block_param.py (thinking, signature: str).
_STRING_KEYS = {
    "text": ("text",),
    "tool_use": ("id", "name"),
    "tool_result": ("tool_use_id",),
    "thinking": ("thinking", "signature"),
    "redacted_thinking": ("data",),
}
_OBJECT_KEYS = {"tool_use": ("input",)}


def check_block(block: Any, where: str) -> dict[str, Any]:
    """Refuse a block the service cannot parse; return it, known to be a dict with a type."""
    block = check_dict(block, where)
    kind = block.get("type")
    if kind not in BLOCK_SHAPES:
        if kind is None:
            raise NO_TAG.error(where=where)
        raise tag_error(where, kind, BLOCK_SHAPES)
    at = f"{where}.{kind}"
    check_keys(block, BLOCK_SHAPES[kind], at)
    for key in _STRING_KEYS.get(kind, ()):
        check_str(block[key], f"{at}.{key}")
    for key in _OBJECT_KEYS.get(kind, ()):
        check_dict(block[key], f"{at}.{key}")
    return block
