"""Other valid shapes of the same reply, so an example is proven against more than one stream.

The scripted replies are regular: one word per delta, a newline in its own delta, one HTTP
chunk per event. Real streams are not: a delta may carry several lines or none, a UTF-8
character may be split between two reads, pings come anywhere, and new fields appear. A
variation keeps what the request asked for (the same blocks, the same tool and input, the same
number of deltas, which the stand-in counts as tokens, so ``max_tokens`` cuts where it did) and
changes everything else that a real reply may change. ``vary(reply, seed)`` is deterministic: a failing seed can be replayed.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, replace

from .replies import Block, Framing, MessageReply, Text, Thinking, ToolUse
from .scenarios.model import Scenario

# Each seed picks one way to change the text (seed % len(KINDS)); every seed also cuts the
# bytes at random places, moves the pings and adds fields no client knows.
KINDS = ("multiline", "no_newline", "multibyte", "other_text")

WORDS = [
    "tide",
    "salt",
    "harbour",
    "lantern",
    "north",
    "quiet",
    "ember",
    "river",
    "slate",
    "morning",
    "window",
    "paper",
    "thread",
    "orchard",
    "copper",
    "meadow",
    "signal",
    "winter",
    "garden",
    "cedar",
]
MULTIBYTE = ("café", "naïve", "Grüße", "日本語", "🙂", "Ω", "façade", "über", "→", "ß")


@dataclass(frozen=True)
class Variation:
    seed: int

    @property
    def kind(self) -> str:
        return KINDS[self.seed % len(KINDS)]

    def describe(self) -> str:
        return (
            f"variation seed {self.seed} ({self.kind} text, random byte cuts, moved pings, "
            "unknown fields)"
        )


def _text_chunks(chunks: tuple[str, ...], kind: str, rng: random.Random) -> tuple[str, ...]:
    if not chunks:
        return chunks
    if kind == "multiline":
        return tuple(f"{c}\n{rng.choice(WORDS)}\n" if rng.random() < 0.4 else c for c in chunks)
    if kind == "no_newline":
        flat = tuple(c.replace("\n", " ") for c in chunks)
        return tuple(c for c in flat if c) or ("",)
    if kind == "multibyte":
        return tuple(f"{c} {rng.choice(MULTIBYTE)}" if rng.random() < 0.5 else c for c in chunks)
    words = [rng.choice(WORDS) for _ in chunks]
    words[0] = words[0].capitalize()
    return tuple(
        w if i == 0 else ("\n" if rng.random() < 0.15 else " ") + w for i, w in enumerate(words)
    )


def _resplit(text: str, pieces: int, rng: random.Random) -> tuple[str, ...]:
    """``text`` cut into at most ``pieces`` non-empty fragments at random places."""
    if len(text) <= 1 or pieces <= 1:
        return (text,)
    cuts = sorted(rng.sample(range(1, len(text)), min(pieces - 1, len(text) - 1)))
    bounds = [0, *cuts, len(text)]
    return tuple(text[a:b] for a, b in itertools.pairwise(bounds))


def _block(block: Block, kind: str, rng: random.Random) -> Block:
    if isinstance(block, Text) and block.structured:
        return replace(block, chunks=_resplit(block.text, len(block.chunks), rng))
    if isinstance(block, Text):
        return replace(block, chunks=_text_chunks(block.chunks, kind, rng))
    if isinstance(block, Thinking):
        thought = "".join(block.chunks)
        return replace(block, chunks=_resplit(thought, len(block.chunks), rng))
    if isinstance(block, ToolUse):
        raw = "".join(block.json_chunks)
        rest = _resplit(raw, max(len([c for c in block.json_chunks if c]), 1), rng)
        return replace(block, json_chunks=("", *rest) if raw else ("",))
    return block


def vary(reply: MessageReply, seed: int, turn: int = 0) -> MessageReply:
    """``reply`` varied as ``seed`` says; ``turn`` (the reply's place in its scenario) changes
    the random choices but not the kind of text change."""
    rng = random.Random(f"{seed}:{turn}")
    kind = Variation(seed).kind
    blocks = tuple(_block(b, kind, rng) for b in reply.blocks)
    varied = replace(reply, blocks=blocks)
    events = 4 + sum(
        2 + len(getattr(b, "chunks", ())) + len(getattr(b, "json_chunks", ())) for b in blocks
    )
    pings = tuple(sorted(rng.sample(range(1, events), min(rng.randint(0, 4), events - 1))))
    return replace(
        varied,
        pings=pings,
        unknown_fields=True,
        framing=Framing(reply.framing.newline, None, split_seed=seed * 100 + turn),
    )


def vary_scenario(scenario: Scenario, seed: int) -> Scenario:
    """Every reply of ``scenario`` varied the same kind of way, each with its own choices."""
    replies = tuple(
        vary(r, seed, n) if isinstance(r, MessageReply) else r
        for n, r in enumerate(scenario.replies)
    )
    return Scenario(f"{scenario.description} [{Variation(seed).describe()}]", replies)
