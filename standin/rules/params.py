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

from .errors import invalid
from .models import MAX_OUTPUT_TOKENS
from .shapes import check_dict, check_keys, shape_of

SERVICE_TIERS: tuple[str, ...] = typing.get_args(
    typing.get_type_hints(MessageCreateParamsBase)["service_tier"]
)
METADATA_SHAPE = shape_of(MetadataParam)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_max_tokens(max_tokens: Any) -> int:
    if max_tokens is None:
        raise invalid("max_tokens: Field required")
    if not _is_int(max_tokens):
        raise invalid("max_tokens: Input should be a valid integer")
    if max_tokens < 1:
        raise invalid("max_tokens: Input should be greater than or equal to 1")
    return max_tokens


def check_output_cap(max_tokens: int, model: str) -> None:
    # Wording recorded from the API: "max_tokens: 10000 > 4096, which is the maximum allowed
    # number of output tokens for claude-3-5-sonnet-20240620"
    # (github.com/ChatGPTNextWeb/NextChat/issues/4964).
    if max_tokens > MAX_OUTPUT_TOKENS:
        raise invalid(
            f"max_tokens: {max_tokens} > {MAX_OUTPUT_TOKENS}, which is the maximum allowed "
            f"number of output tokens for {model}"
        )


def check_settings(body: dict[str, Any]) -> None:
    """``stream``, ``stop_sequences``, ``service_tier`` and ``metadata``, when given."""
    if "stream" in body and not isinstance(body["stream"], bool):
        raise invalid("stream: Input should be a valid boolean")
    if "stop_sequences" in body:
        stops = body["stop_sequences"]
        if not isinstance(stops, list):
            raise invalid("stop_sequences: Input should be a valid list")
        for i, stop in enumerate(stops):
            if not isinstance(stop, str):
                raise invalid(f"stop_sequences.{i}: Input should be a valid string")
    if "service_tier" in body and body["service_tier"] not in SERVICE_TIERS:
        allowed = " or ".join(f"'{tier}'" for tier in SERVICE_TIERS)
        raise invalid(f"service_tier: Input should be {allowed}")
    if "metadata" in body:
        metadata = check_dict(body["metadata"], "metadata")
        check_keys(metadata, METADATA_SHAPE, "metadata")
        user_id = metadata.get("user_id")
        if user_id is not None and not isinstance(user_id, str):
            raise invalid("metadata.user_id: Input should be a valid string")
