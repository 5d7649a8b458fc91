"""``python -m benchmark``: measure, then write ``docs/data/performance.json``.

The stand-in is paced like a model by two flags (time to first token, tokens per second); the
figures and the settings they were measured with go to the data file, which the Performance
page is rendered from. ``--quick`` is a smoke run (small replies, fast pacing, no suite or site
timing) that writes to a temporary file unless ``--output`` says otherwise. ``--only
many-streams``, ``--only resumable`` (resumable streams through two relays and Redis),
``--only suite`` or ``--only site-build`` (MkDocs and Zensical, side by side) measures that
part alone and merges it into the existing data file; each suite measurement (wall time, CPU
time of every process the suite starts, the site's page count) is added to ``suite_history``,
which the page shows. ``--suite-args`` times a small pytest selection instead of the suite, to
try the measurement cheaply; it must write elsewhere (``--output``).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import build_times, client_cost, latency, machine, many_streams, relay, resumable
from .clients import PARSER_NAME
from .latency import Pacing
from .paths import ROOT
from .remote import RemoteStandIn

DATA_FILE = ROOT / "docs" / "data" / "performance.json"
FULL_SIZES = {"short": 10, "medium": 200, "long": 1000}
QUICK_SIZES = {"short": 10, "medium": 40, "long": 120}
RELAY_CHUNKS = {"full": 100, "quick": 20}
# Many browsers through one relay: its own pacing (a reply the relay can keep up with at this
# many streams), since the point is what the relay promises under load, not the model's speed.
MANY_STREAMS = {
    "full": {"clients": 200, "limit": 100, "tokens": 40, "first": 0.5, "gap": 0.05},
    "quick": {"clients": 20, "limit": 10, "tokens": 10, "first": 0.02, "gap": 0.02},
}
# Resumable streams through two relay processes and Redis, a quarter reconnecting part-way.
RESUMABLE = {
    "full": {"clients": 200, "tokens": 40, "first": 0.5, "gap": 0.05, "chunks": 100},
    "quick": {"clients": 20, "tokens": 10, "first": 0.02, "gap": 0.02, "chunks": 20},
}
# The latency each relay adds, read one stream at a time at the default pace (100 tokens/s).
RESUMABLE_LATENCY_GAP = {"full": 0.01, "quick": 0.001}
PARTS = ("many-streams", "resumable", "suite", "site-build")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmark", description=__doc__)
    parser.add_argument(
        "--repeats", type=int, default=5, help="runs of each measurement (default 5; >= 3)"
    )
    parser.add_argument(
        "--ttft-ms",
        type=float,
        default=500.0,
        help="the stand-in's wait before its first event, in ms (default 500)",
    )
    parser.add_argument(
        "--tokens-per-second",
        type=float,
        default=100.0,
        help="the stand-in's pace after that: one event every 1/N s (default 100)",
    )
    parser.add_argument(
        "--suite-repeats",
        type=int,
        default=1,
        help="runs of the whole test suite (default 1: it takes minutes; 0 skips it)",
    )
    parser.add_argument(
        "--suite-args",
        help="pytest arguments to time instead of the whole suite, e.g. "
        "'tests/site/test_benchmark_cpu.py -q' (needs --output: not for the data file)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: small replies, 20 ms / 1000 tokens/s pacing, no suite or site timing",
    )
    parser.add_argument(
        "--only",
        choices=PARTS,
        help="measure this part alone and merge it into the data file (which must exist)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help=f"where to write the results (default {DATA_FILE.relative_to(ROOT)}; "
        "a temporary file with --quick)",
    )
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.ttft_ms < 0 or args.tokens_per_second <= 0:
        parser.error("--ttft-ms must be >= 0 and --tokens-per-second > 0")
    if args.quick:
        args.ttft_ms, args.tokens_per_second = 20.0, 1000.0
        args.repeats = min(args.repeats, 3)
        args.suite_repeats = 0
    if args.output is None:
        if args.suite_args:
            parser.error("--suite-args needs --output: a selection is not the suite's figure")
        args.output = (
            Path(tempfile.gettempdir()) / "performance-quick.json" if args.quick else DATA_FILE
        )
    args.suite_args = shlex.split(args.suite_args) if args.suite_args else None
    return args


_STARTED = time.perf_counter()


def _say(message: str) -> None:
    print(f"[{time.perf_counter() - _STARTED:6.1f} s] {message}", file=sys.stderr, flush=True)


def measure_many_streams(api: RemoteStandIn, quick: bool, repeats: int) -> dict[str, Any]:
    """The many-streams load run, or why it could not run (the rest stays worth keeping)."""
    setting = MANY_STREAMS["quick" if quick else "full"]
    _say(f"{setting['clients']} clients at once through the many-streams relay ...")
    try:
        return many_streams.measure(
            api,
            clients=setting["clients"],
            limit=setting["limit"],
            tokens=setting["tokens"],
            first_event_delay=setting["first"],
            event_delay=setting["gap"],
            rounds=1 if quick else repeats,
        ) | {
            "measured_at": _now(),
            "load_average_after": machine.load_average(),
        }
    except (RuntimeError, OSError) as exc:
        return {"available": False, "note": f"the load run failed: {exc}"}


def measure_resumable(api: RemoteStandIn, quick: bool, repeats: int) -> dict[str, Any]:
    """The resumable load run, or why it could not run (the rest stays worth keeping)."""
    setting = RESUMABLE["quick" if quick else "full"]
    latency_gap = RESUMABLE_LATENCY_GAP["quick" if quick else "full"]
    _say(f"{setting['clients']} resumable streams through two relays and Redis ...")
    try:
        return resumable.measure(
            api,
            clients=setting["clients"],
            tokens=setting["tokens"],
            first_event_delay=setting["first"],
            event_delay=setting["gap"],
            latency_chunks=setting["chunks"],
            latency_gap=latency_gap,
            repeats=repeats,
        ) | {"measured_at": _now(), "load_average_after": machine.load_average()}
    except (RuntimeError, OSError) as exc:
        return {"available": False, "note": f"the resumable load run failed: {exc}"}


def _previous(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def measure_suite(
    repeats: int, previous: dict[str, Any] | None, selection: list[str] | None = None
) -> dict[str, Any]:
    """The suite's wall and CPU time, and its history with this run added (``suite_history``)."""
    _say(f"test suite wall and CPU time, {repeats} run(s) ...")
    suite = build_times.suite(repeats, selection)
    entry = build_times.history_entry(suite, _now(), machine.describe()["cpu_count"])
    return {"suite": suite, "suite_history": build_times.with_history(previous, entry)}


def run_only(args: argparse.Namespace) -> dict[str, Any]:
    """Measure the part ``--only`` names and merge it into the data file at ``--output``."""
    data = _previous(args.output)
    if data is None:
        raise SystemExit(f"{args.output} does not exist: run the whole benchmark first")
    if args.only == "suite":
        return data | measure_suite(max(args.suite_repeats, 1), data, args.suite_args)
    if args.only == "site-build":
        _say("site build time, MkDocs and Zensical ...")
        return data | build_times.site_builds(args.repeats)
    with RemoteStandIn() as api:
        if args.only == "resumable":
            data["resumable"] = measure_resumable(api, args.quick, args.repeats)
        else:
            data["many_streams"] = measure_many_streams(api, args.quick, args.repeats)
    return data


def run(args: argparse.Namespace) -> dict[str, Any]:
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    pacing = Pacing(args.ttft_ms, args.tokens_per_second)
    started = time.perf_counter()
    load_before = machine.load_average()
    with RemoteStandIn() as api:
        _say(f"time to first text, {args.repeats} repeats of {sizes} tokens ...")
        lat = latency.measure(api, sizes, pacing, args.repeats)
        _say("client-side cost of reading a stream, unpaced ...")
        cost = client_cost.measure(api, sizes, args.repeats, quick=args.quick)
        _say("latency the browser relay adds per chunk ...")
        chunks = RELAY_CHUNKS["quick" if args.quick else "full"]
        try:
            relayed = relay.measure(api, chunks, pacing.event_delay, args.repeats)
        except (RuntimeError, OSError) as exc:  # the rest of the run is still worth keeping
            relayed = {"available": False, "note": f"the relay failed: {exc}"}
        many = measure_many_streams(api, args.quick, args.repeats)
        # Not in a quick run: its two expiry waits alone take over 10 s (`--only resumable
        # --quick` runs it small).
        resumed = (
            {"available": False, "note": "skipped in a quick run"}
            if args.quick
            else measure_resumable(api, args.quick, args.repeats)
        )
    previous = _previous(args.output)
    history = (previous or {}).get("suite_history", [])
    if args.quick:
        suite: dict[str, Any] = {"suite": {"skipped": "quick run"}, "suite_history": history}
        site: dict[str, Any] = {"site_build": {"skipped": "quick run"}}
    else:
        _say("site build time, MkDocs and Zensical ...")
        site = build_times.site_builds(args.repeats)
        if args.suite_repeats:
            suite = measure_suite(args.suite_repeats, previous, args.suite_args)
        else:
            suite = {"suite": {"skipped": "--suite-repeats 0"}, "suite_history": history}
    load_after = machine.load_average()
    return {
        "about": "Written by `python -m benchmark` (make benchmark). The Performance "
        "page is rendered from this file: do not edit it by hand.",
        "schema": 1,
        "generated_at": _now(),
        "duration_s": round(time.perf_counter() - started, 1),
        "quick": args.quick,
        "repeats": args.repeats,
        "machine": {
            **machine.describe(),
            "load_average_before": load_before,
            "load_average_after": load_after,
        },
        "packages": machine.package_versions(),
        "pacing": {
            "ttft_ms": args.ttft_ms,
            "tokens_per_second": args.tokens_per_second,
            "first_event_delay_s": round(pacing.first_event_delay, 6),
            "event_delay_s": round(pacing.event_delay, 6),
            "events_per_reply": "tokens + 5 (one text delta a token), plus one ping",
        },
        "latency": lat,
        "client_cost": cost,
        "relay": relayed,
        "many_streams": many,
        "resumable": resumed,
        **site,
        **suite,
        "headline": headline(lat, cost, relayed),
        "caveats": caveats(load_before, load_after),
        "no_sdk_parser": PARSER_NAME,
    }


def headline(lat: dict[str, Any], cost: dict[str, Any], relayed: dict[str, Any]) -> dict[str, Any]:
    """The few figures the prose quotes, each with its spread."""
    per_event = {
        row["client"]: row["cpu_us_per_event"]
        for row in cost["clients"]
        if "cpu_us_per_event" in row
    }
    short = cost["short_size"]
    return {
        "first_text_ratio": lat["first_text_ratio"],
        "first_text_gain_ms": lat["first_text_gain_ms"],
        "cpu_us_per_event": per_event,
        "short_reply_streaming_overhead_cpu_ms": cost["short_reply_streaming_overhead_cpu_ms"],
        "short_size": short,
        "relay_added_ms": relayed.get("added_ms"),
    }


def caveats(load_before: list[float] | None, load_after: list[float] | None) -> list[str]:
    notes = [
        "The stand-in runs on the same machine as the client: there is no network between "
        "them, so the figures show what the client and the pacing cost, not a real "
        "connection's round trips.",
        "Time to first token and the token rate are set by flags, not measured from a model: "
        "the latency ratios follow from them plus what the client adds.",
    ]
    cores = machine.describe()["cpu_count"] or 1
    busiest = max((load_before or [0])[0], (load_after or [0])[0])
    if busiest > cores / 2:
        notes.append(
            f"The machine was busy while measuring (1-minute load average up to {busiest} on "
            f"{cores} CPUs): other work competed for the CPUs, which widens the spread and "
            "inflates wall-clock times more than CPU times."
        )
    return notes


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results = run_only(args) if args.only else run(args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
    _say(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
