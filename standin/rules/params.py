"""The plain request settings: their types and allowed values, read off the SDK's types.

SDK types: anthropic/types/message_create_params.py (``stop_sequences: SequenceNotStr[str]``,
``service_tier: Literal["auto", "standard_only"]``, ``stream: bool``, ``max_tokens: int``,
``metadata: MetadataParam``) and anthropic/types/metadata_param.py
(``user_id: Optional[str]``, no other key).
"""

from __future__ import annotations

import typing
from typing import Any

from anthropic.types import MetadataParam
from anthropic.types.message_create_params import MessageCreateParamsBase

from ..registry import ASSUMED, rule
from .models import MAX_OUTPUT_TOKENS
from .shapes import (
    LITERAL,
    PYDANTIC,
    REQUIRED,
    WRONG_TYPE,
    check_dict,
    check_keys,
    one_of,
    shape_of,
)

SERVICE_TIERS: tuple[str, ...] = typing.get_args(
    typing.get_type_hints(MessageCreateParamsBase)["service_tier"]
)
METADATA_SHAPE = shape_of(MetadataParam)

MAX_TOKENS_MIN = rule(
    "params.max_tokens_min",
    "``max_tokens`` below 1.",
    ASSUMED,
    "max_tokens: Input should be greater than or equal to 1",
    wording=PYDANTIC,
    note="The installed SDK's docstring for max_tokens (types/message_create_params.py) says "
    "0 pre-warms the prompt cache without generating a response: the real minimum may be 0.",
)
MAX_TOKENS_CAP = rule(
    "params.max_tokens_cap",
    f"``max_tokens`` above the model's output limit ({MAX_OUTPUT_TOKENS:,} for every served "
    "model).",
    "doc: https://platform.claude.com/docs/en/models/opus-4-6/overview",
    "max_tokens: {max_tokens} > {cap}, which is the maximum allowed number of output tokens "
    "for {model}",
    wording="report: https://github.com/ChatGPTNextWeb/NextChat/issues/4964",
    note="The figure is the Max output column of a model page; that every served model has the "
    "same limit is assumed.",
)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_max_tokens(max_tokens: Any) -> int:
    if max_tokens is None:
        raise REQUIRED.error(where="max_tokens")
    if not _is_int(max_tokens):
        raise WRONG_TYPE.error(where="max_tokens", kind="integer")
    if max_tokens < 1:
        raise MAX_TOKENS_MIN.error()
    return max_tokens


def check_output_cap(max_tokens: int, model: str) -> None:
    if max_tokens > MAX_OUTPUT_TOKENS:
        raise MAX_TOKENS_CAP.error(max_tokens=max_tokens, cap=MAX_OUTPUT_TOKENS, model=model)


def check_settings(body: dict[str, Any]) -> None:
    """``stream``, ``stop_sequences``, ``service_tier`` and ``metadata``, when given."""
    if "stream" in body and not isinstance(body["stream"], bool):
        raise WRONG_TYPE.error(where="stream", kind="boolean")
    if "stop_sequences" in body:
        stops = body["stop_sequences"]
        if not isinstance(stops, list):
            raise WRONG_TYPE.error(where="stop_sequences", kind="list")
        for i, stop in enumerate(stops):
            if not isinstance(stop, str):
                raise WRONG_TYPE.error(where=f"stop_sequences.{i}", kind="string")
    if "service_tier" in body and body["service_tier"] not in SERVICE_TIERS:
        raise LITERAL.error(where="service_tier", allowed=one_of(SERVICE_TIERS))
    if "metadata" in body:
        metadata = check_dict(body["metadata"], "metadata")
        check_keys(metadata, METADATA_SHAPE, "metadata")
        user_id = metadata.get("user_id")
        if user_id is not None and not isinstance(user_id, str):
            raise WRONG_TYPE.error(where="metadata.user_id", kind="string")
