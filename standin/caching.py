"""Prompt caching as the service does it: a prefix marked with ``cache_control`` is written to
the cache the first time, read from it when the same prefix comes again within its lifetime.

A request is read as the service orders it, tools, then system, then messages, block by block.
Each ``cache_control`` marks a breakpoint: the prefix is everything up to and including that
block. A top-level ``cache_control`` (automatic caching) marks the last block of the last
message. The service looks for the longest prefix it has cached, at a breakpoint or up to 20
blocks before one; that part is a cache read, and each longer marked prefix is written (a cache
creation, by its TTL). A prefix shorter than the model's minimum is not cached at all, and no
error says so: the counts stay 0.

The cache belongs to the client that sent the request (its key, ``exchange.client_of``), as the
service's cache belongs to an organization; a read refreshes the entry's lifetime.

Token counts are illustrative, not the service's tokenizer: a request that uses the cache is
counted by what it holds, about four characters of text a token (a tool or any block other
than text by its JSON), so the same prompt counts the same whether its text is a string or a
text block, with a marker or without, and the write, the read and ``input_tokens`` add up to
the whole (``input_tokens``). A request without a marker keeps ``events.asked_from``'s count.

Each rule below names its source; the prompt caching page is
platform.claude.com/docs/en/build-with-claude/prompt-caching.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .registry import ASSUMED, rule
from .rules.models import DEFAULT_MIN_TOKENS, min_cacheable_tokens
from .rules.shapes import one_of

PAGE = "doc: https://platform.claude.com/docs/en/build-with-claude/prompt-caching"
MAX_BREAKPOINTS = 4
# How far before a breakpoint the service looks for an earlier cached prefix (the page's
# "lookback window" of 20 blocks), so a conversation that grows still reads its old prefix.
LOOKBACK_BLOCKS = 20
TTL_SECONDS = {"5m": 300.0, "1h": 3600.0}


MARKER_TYPE = rule(
    "cache.marker_type",
    "A ``cache_control`` whose type is not ``ephemeral``.",
    "sdk: anthropic/types/cache_control_ephemeral_param.py",
    "{where}: Input should be 'ephemeral'",
    wording="doc: https://docs.pydantic.dev/latest/errors/validation_errors/",
)
TTL = rule(
    "cache.ttl",
    'A ``ttl`` other than "5m" (the default) or "1h".',
    "sdk: anthropic/types/cache_control_ephemeral_param.py",
    "{where}: Input should be {allowed}",
    wording="doc: https://docs.pydantic.dev/latest/errors/validation_errors/",
    values=tuple(f'"{ttl}"' for ttl in TTL_SECONDS),
    values_listed=r"`ttl`.*\brefused\b",
)
TTL_ORDER = rule(
    "cache.ttl_order",
    "A 1-hour breakpoint after a 5-minute one: the longer-lived ones come first.",
    PAGE,
    "cache_control: a block with ttl '1h' cannot come after a block with ttl '5m'; put the "
    "longer-lived breakpoints first",
    wording=ASSUMED,
)
TOO_MANY = rule(
    "cache.too_many_breakpoints",
    f"More than {MAX_BREAKPOINTS} breakpoints; a top-level ``cache_control`` takes one.",
    PAGE,
    "A maximum of {limit} blocks with cache_control may be provided. Found {found}.",
    wording="report: https://github.com/tghamm/Anthropic.SDK/issues/50",
)
LIFETIME = rule(
    "cache.lifetime",
    "An entry lives 5 minutes (or 1 hour with ``ttl: 1h``), renewed each time it is read.",
    PAGE,
)
LOOKBACK = rule(
    "cache.lookback",
    f"A read is looked for at a breakpoint or up to {LOOKBACK_BLOCKS} blocks before it.",
    PAGE,
)
MINIMUM = rule(
    "cache.minimum",
    "A prefix shorter than the model's minimum is not cached, with no error: 4,096, 2,048, "
    "1,024 or 512 tokens by model.",
    "doc: https://docs.litellm.ai/docs/completion/prompt_caching",
    note="The API's own page keeps the table; the figures are as public copies quote it "
    "(see MIN_CACHEABLE_TOKENS in standin/rules/models.py).",
    values=("4,096", "2,048", "1,024", "512"),
    values_listed=r"\bminimum\b.*\b(4,096|1,024)\b.*\b(4,096|1,024)\b",
)
MINIMUM_UNKNOWN = rule(
    "cache.minimum_unknown",
    f"Models no source gives a minimum for (the 5.5 models) get {DEFAULT_MIN_TOKENS:,} "
    "tokens, Sonnet 5's.",
    ASSUMED,
    claims=(r"claude-sonnet-5-5.*?1,024|1,024.*?claude-sonnet-5-5",),
)


@dataclass(frozen=True)
class CacheUse:
    """What one request did with the cache, in input tokens."""

    read: int = 0
    written_5m: int = 0
    written_1h: int = 0

    @property
    def written(self) -> int:
        return self.written_5m + self.written_1h


@dataclass(frozen=True)
class _Position:
    """The prefix that ends at one block: its digest, its size, the block's marker."""

    digest: str
    tokens: int
    marker: Any


def _without_marker(block: Any) -> Any:
    if isinstance(block, dict):
        return {k: v for k, v in block.items() if k != "cache_control"}
    return block


def _units(body: dict[str, Any]) -> list[tuple[Any, Any]]:
    """The request's blocks in cache order, each with its ``cache_control`` (or None)."""
    units: list[tuple[Any, Any]] = []
    for tool in body.get("tools") or []:
        units.append((("tool", _without_marker(tool)), tool.get("cache_control")))
    system = body.get("system")
    if isinstance(system, str):
        units.append((("system", system), None))
    for block in system if isinstance(system, list) else []:
        units.append((("system", _without_marker(block)), block.get("cache_control")))
    for i, message in enumerate(body.get("messages") or []):
        content = message.get("content")
        if isinstance(content, str):
            units.append(((i, message.get("role"), content), None))
            continue
        for block in content or []:
            marker = block.get("cache_control") if isinstance(block, dict) else None
            units.append(((i, message.get("role"), _without_marker(block)), marker))
    automatic = body.get("cache_control")
    if automatic and units:
        content, marker = units[-1]
        units[-1] = (content, marker or automatic)
    return units


def check_breakpoints(body: dict[str, Any]) -> None:
    """Refuse a malformed marker, and more markers than the service allows (a top-level
    ``cache_control`` takes one of the slots). SDK types: cache_control_ephemeral_param.py
    (``type: Required[Literal["ephemeral"]]``, ``ttl: Literal["5m", "1h"]``)."""
    markers = [m for _, m in _units({**body, "cache_control": None}) if m is not None]
    if body.get("cache_control") is not None:
        markers.append(body["cache_control"])
    for marker in markers:
        if not isinstance(marker, dict) or marker.get("type") != "ephemeral":
            raise MARKER_TYPE.error(where="cache_control.type")
        if marker.get("ttl", "5m") not in TTL_SECONDS:
            raise TTL.error(where="cache_control.ttl", allowed=one_of(TTL_SECONDS))
    ttls = [m.get("ttl", "5m") for m in markers]
    if "5m" in ttls and "1h" in ttls[ttls.index("5m") :]:
        raise TTL_ORDER.error()
    if len(markers) > MAX_BREAKPOINTS:
        raise TOO_MANY.error(limit=MAX_BREAKPOINTS, found=len(markers))


def _characters(content: Any) -> int:
    """How much one unit of the request holds: a text's characters (a string, or a text
    block's ``text``), any other block or tool its JSON's."""
    item = content[-1]
    if isinstance(item, str):
        return len(item)
    if isinstance(item, dict) and item.get("type") == "text" and isinstance(item.get("text"), str):
        return len(item["text"])
    return len(json.dumps(item, ensure_ascii=False, sort_keys=True))


def prefix_tokens(body: dict[str, Any], count: int) -> int:
    """The size of the request's first ``count`` blocks: about four characters a token. The
    prefix that is the whole request is exactly ``input_tokens(body)``."""
    held = sum(_characters(content) for content, _ in _units(body)[:count])
    return max(held // 4, 1)


def uses_cache(body: dict[str, Any]) -> bool:
    """Whether the request marks anything for the cache (a block's or a top-level marker)."""
    return any(marker is not None for _, marker in _units(body))


def input_tokens(body: dict[str, Any], counted: int) -> int:
    """The whole input, as usage reports it split into a write, a read and the rest: for a
    request that uses the cache, the size of all its blocks (``prefix_tokens``); any other
    request keeps ``counted`` (``events.asked_from``'s count)."""
    return prefix_tokens(body, len(_units(body))) if uses_cache(body) else counted


def positions(body: dict[str, Any]) -> list[_Position]:
    """Every prefix of the request, one per block: a digest chained over the model and each
    block (so equal digests mean equal prefixes), and its size in tokens (measured only where
    a marker is: the other positions matter for their digest alone)."""
    digest = hashlib.sha256(str(body.get("model", "")).encode()).hexdigest()
    found: list[_Position] = []
    for count, (content, marker) in enumerate(_units(body), start=1):
        text = json.dumps(content, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256((digest + text).encode()).hexdigest()
        tokens = prefix_tokens(body, count) if marker else 0
        found.append(_Position(digest, tokens, marker))
    return found


class PromptCache:
    """One stand-in's cache: entries by client and prefix digest, each with its lifetime.

    ``clock`` is injectable so a test can move time past a lifetime without waiting."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._entries: dict[tuple[str, str], tuple[float, str]] = {}
        self._lock = threading.Lock()

    def _live(self, client: str, digest: str, now: float) -> bool:
        entry = self._entries.get((client, digest))
        return entry is not None and entry[0] > now

    def use(self, client: str, body: dict[str, Any], input_tokens: int) -> CacheUse:
        """Read the longest cached prefix at or shortly before a breakpoint, write each longer
        marked prefix; ``input_tokens`` (the whole input) bounds what can be counted."""
        found = positions(body)
        least = min_cacheable_tokens(str(body.get("model", "")))
        marks = [i for i, p in enumerate(found) if p.marker and p.tokens >= least]
        now = self._clock()
        with self._lock:
            hit = -1
            for mark in marks:
                for i in range(mark, max(mark - LOOKBACK_BLOCKS, -1), -1):
                    if self._live(client, found[i].digest, now):
                        hit = max(hit, i)
                        break
            read = min(prefix_tokens(body, hit + 1), input_tokens) if hit >= 0 else 0
            if hit >= 0:
                ttl = self._entries[(client, found[hit].digest)][1]
                self._entries[(client, found[hit].digest)] = (now + TTL_SECONDS[ttl], ttl)
            written = {"5m": 0, "1h": 0}
            covered = read
            for mark in (m for m in marks if m > hit):
                ttl = found[mark].marker.get("ttl", "5m")
                size = min(found[mark].tokens, input_tokens) - covered
                self._entries[(client, found[mark].digest)] = (now + TTL_SECONDS[ttl], ttl)
                if size > 0:
                    written[ttl] += size
                    covered += size
        return CacheUse(read=read, written_5m=written["5m"], written_1h=written["1h"])
