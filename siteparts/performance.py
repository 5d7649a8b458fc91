"""Render the benchmark's figures into the pages, so none is typed by hand.

The benchmark (``python -m benchmark``, ``make benchmark``) writes
``docs/data/performance.json``. A page asks for a figure, a table or a chart with a placeholder
``{{ perf.NAME }}``; this Markdown extension replaces it at build time from that file. An
unknown name, or a missing data file, fails the build instead of printing a wrong or empty value.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

DATA_FILE = Path("data") / "performance.json"  # inside docs_dir
PLACEHOLDER = re.compile(r"\{\{\s*perf\.([a-z0-9_]+)\s*\}\}")
SIZES = ("short", "medium", "long")
# The site's two builds, in the order of the table: data file key, row label.
BUILD_ROWS = (("site_build", "MkDocs"), ("zensical_build", "Zensical"))
NOT_MEASURED = "not measured yet"
CHART_NAMES = {
    "stream_helper": "stream()",
    "create_stream": "create(stream=True)",
    "no_sdk": "no SDK, SSE parser",
    "bytes_only": "bytes only, no parsing",
}


class PerformanceError(ValueError):
    """A placeholder names no figure, or the data file is missing: the build stops."""


# -- number formats: one place, so the tests can read them back ------------------------------
def num(value: float, digits: int) -> str:
    return f"{value:,.{digits}f}"


def spread(stats: dict[str, Any], digits: int) -> str:
    return f"{num(stats['min'], digits)}–{num(stats['max'], digits)}"


def cell(stats: dict[str, Any], digits: int, unit: str) -> str:
    """Median with its range over the repeats, ``0.512 s (0.508 to 0.530)`` with an en dash;
    a single run has no range."""
    shown = f"{num(stats['median'], digits)} {unit}".rstrip()
    return shown if stats["n"] == 1 else f"{shown} ({spread(stats, digits)})"


# -- tables -----------------------------------------------------------------------------------
def _table(table_id: str, header: list[str], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    return (
        f'<div class="perf-table" id="{table_id}" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"
    )


def _latency_runs(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["size"], r["mode"]): r for r in data["latency"]["runs"]}


def latency_table(data: dict[str, Any]) -> str:
    """The model checked: first text streamed and not, as the local API (paced by the model's
    inputs) delivered it, and how far after its schedule the client saw it."""
    runs = _latency_runs(data)
    scheduled = data["latency"]["paced_first_text_s"]
    rows = []
    for size, tokens in data["latency"]["sizes"].items():
        streaming, whole = runs[(size, "streaming")], runs[(size, "non-streaming")]
        late = _shifted(streaming["first_text_s"], -scheduled, 1000)
        rows.append(
            [
                f"{size} ({tokens} tokens)",
                cell(streaming["first_text_s"], 3, "s"),
                cell(whole["first_text_s"], 3, "s"),
                cell(late, 1, "ms"),
            ]
        )
    header = [
        "Reply",
        "Streaming: first text",
        "Not streaming: the whole reply",
        "Streaming: first text after the schedule by",
    ]
    return _table("perf-latency", header, rows)


def _shifted(stats: dict[str, Any], offset: float, factor: float) -> dict[str, Any]:
    """``stats`` with ``offset`` added and then scaled (seconds late, in ms)."""
    moved = {k: (stats[k] + offset) * factor for k in ("median", "min", "max", "q1", "q3")}
    return moved | {"n": stats["n"], "values": [(v + offset) * factor for v in stats["values"]]}


# -- the latency model ------------------------------------------------------------------------
def model(data: dict[str, Any], tokens: int) -> dict[str, float]:
    """Seconds to the first text streamed and not, and their ratio, for a reply of ``tokens``
    at the pacing's time to first token and rate: a formula, not a measurement."""
    ttft = data["pacing"]["ttft_ms"] / 1000
    whole = ttft + tokens / data["pacing"]["tokens_per_second"]
    return {"streamed_s": ttft, "whole_s": whole, "ratio": whole / ttft if ttft else 0.0}


def model_table(data: dict[str, Any]) -> str:
    rows = []
    for size, tokens in data["latency"]["sizes"].items():
        m = model(data, tokens)
        rows.append(
            [
                f"{size} ({tokens} tokens)",
                f"{num(m['streamed_s'], 2)} s",
                f"{num(m['whole_s'], 2)} s",
                f"{num(m['ratio'], 1)}×",
            ]
        )
    header = ["Reply (N)", "Streamed: first text (TTFT)", "Not streamed: TTFT + N / r", "Ratio"]
    return _table("perf-model", header, rows)


def cost_table(data: dict[str, Any]) -> str:
    cost = data["client_cost"]
    short, long = cost["short_size"], cost["long_size"]
    rows = []
    for row in cost["clients"]:
        by_size = row["by_size"]
        per_event = row.get("cpu_us_per_event")
        rate = by_size[long].get("events_per_second")
        rows.append(
            [
                row["label"],
                cell(per_event, 1, "µs") if per_event else "n/a (one JSON body)",
                cell(by_size[short]["cpu_ms_per_reply"], 2, "ms"),
                cell(by_size[long]["cpu_ms_per_reply"], 2, "ms"),
                cell(rate, 0, "") if rate else "n/a",
            ]
        )
    tokens = cost["clients"][0]["by_size"]
    header = [
        "How the reply is read",
        "CPU per event",
        f"CPU per {short} reply ({tokens[short]['tokens']} tokens)",
        f"CPU per {long} reply ({tokens[long]['tokens']} tokens)",
        f"Events per second ({long} reply)",
    ]
    return _table("perf-cost", header, rows)


def relay_table(data: dict[str, Any]) -> str:
    relay = data["relay"]
    if not relay.get("available"):
        return f"*Not measured: {html.escape(relay.get('note', 'the relay is not available'))}.*"
    rows = [
        ["Read from the local API directly", cell(relay["direct_ms"], 2, "ms")],
        ["Read through the relay", cell(relay["relayed_ms"], 2, "ms")],
        ["Added by the relay", cell(relay["added_ms"], 2, "ms")],
    ]
    return _table("perf-relay", ["Path of each chunk", "Send to receipt, median per chunk"], rows)


def many_streams_table(data: dict[str, Any]) -> str:
    many = data.get("many_streams") or {}
    if not many.get("available"):
        note = many.get("note", "run `python -m benchmark --only many-streams`")
        return f"*Not measured: {html.escape(note)}.*"
    rounds = many["rounds"]
    rows = [
        ["Clients at once, each round", f"{many['clients']} ({many['leavers']} leave early)"],
        ["Upstream streams allowed at once", str(many["limit"])],
        ["Rounds", str(rounds)],
        ["Wall time of a round", cell(many["wall_s"], 2, "s")],
        ["The same with no overhead (waves × reply time)", f"{num(many['ideal_wall_s'], 2)} s"],
        ["Readers with the whole reply, each round", str(many["whole_replies_per_round"])],
        [
            "Clients that left, upstream closed early, each round",
            str(many["upstreams_closed_early_per_round"]),
        ],
        ["Upstream streams left open after a round", str(many["upstreams_left_open"])],
        [
            "Relay memory (resident): start, peak, end",
            f"{num(many['rss_start_mib'], 1)} MiB, {num(many['rss_peak_mib'], 1)} MiB, "
            f"{num(many['rss_end_mib'], 1)} MiB",
        ],
        ["Relay memory growth per round", cell(many["rss_growth_per_round_mib"], 1, "MiB")],
    ]
    return _table("perf-many-streams", ["Load run", "Measured"], rows)


def resumable_table(data: dict[str, Any]) -> str:
    """The resumable load run (``python -m benchmark --only resumable``)."""
    resumed = data.get("resumable") or {}
    if not resumed.get("available"):
        note = resumed.get("note", "run `python -m benchmark --only resumable`")
        return f"*Not measured: {html.escape(note)}.*"
    load, latency = resumed["load"], resumed["latency"]
    rows = [
        [
            "Answers at once (reconnecting part-way)",
            f"{load['clients']} ({load['reconnecting']})",
        ],
        ["Answers complete, every piece exactly once", str(load["whole_once"])],
        ["Upstream requests per answer", num(load["upstream_requests_per_answer"], 2)],
        ["Wall time of the round", f"{num(load['wall_s'], 2)} s"],
        [
            "Redis memory (used_memory): before, peak, after expiry",
            f"{num(load['redis_used_memory_before_mib'], 2)} MiB, "
            f"{num(load['redis_used_memory_peak_mib'], 2)} MiB, "
            f"{num(load['redis_used_memory_after_expiry_mib'], 2)} MiB",
        ],
        ["Keys left in Redis after expiry", "0"],
        [
            "Relay CPU per event delivered (both processes)",
            f"{num(load['relay_cpu_us_per_event'], 0)} µs",
        ],
        ["Added per event, plain relay", cell(latency["plain_relay_ms"], 2, "ms")],
        ["Added per event, resumable relay", cell(latency["resumable_relay_ms"], 2, "ms")],
    ]
    return _table("perf-resumable", ["Resumable load run", "Measured"], rows)


def measured_table(data: dict[str, Any]) -> str:
    """The page's lead: one row per figure measured on this machine, each linking to its
    section; a part not measured says so instead of showing an old or empty value."""
    rows = [[f"[{label}](#{anchor})", shown] for label, anchor, shown in measured_rows(data)]
    return _table("perf-measured", ["Measured on this machine", "Figure"], rows)


def measured_rows(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, section anchor, cell) of each figure in the lead table."""
    cost = data["headline"]["cpu_us_per_event"]
    cost_anchor = "what-reading-a-stream-costs-the-client"
    rows = [
        (f"Client CPU per event, {CHART_NAMES[client]}", cost_anchor, cell(cost[client], 1, "µs"))
        for client in ("stream_helper", "create_stream", "no_sdk")
        if client in cost
    ]
    tokens = data["latency"]["sizes"][data["headline"]["short_size"]]
    overhead = data["headline"]["short_reply_streaming_overhead_cpu_ms"]
    rows.append(
        (f"Extra client CPU to stream a {tokens}-token reply", cost_anchor, cell(overhead, 2, "ms"))
    )
    relay = data["relay"]
    rows.append(
        (
            "Latency a browser relay adds to each chunk",
            "relaying-a-stream-to-a-browser",
            cell(relay["added_ms"], 2, "ms") if relay.get("available") else NOT_MEASURED,
        )
    )
    many = data.get("many_streams") or {}
    rows.append(
        (
            f"Relay memory, {many.get('clients', 'many')} browsers at once: peak",
            "many-browsers-through-one-relay",
            f"{num(many['rss_peak_mib'], 1)} MiB" if many.get("available") else NOT_MEASURED,
        )
    )
    resumed = data.get("resumable") or {}
    rows.append(
        (
            "Latency the resumable relay adds to each event",
            "resumable-streams-a-quarter-reconnecting",
            cell(resumed["latency"]["resumable_relay_ms"], 2, "ms")
            if resumed.get("available")
            else NOT_MEASURED,
        )
    )
    for key, label in BUILD_ROWS:
        entry = data.get(key, {})
        shown = cell(entry["wall_s"], 2, "s") if "wall_s" in entry else NOT_MEASURED
        rows.append((f"Building this site, {label}", "building-this-site", shown))
    suite = data.get("suite", {})
    per_page = suite.get("cpu_s_per_page")
    rows.append(
        (
            "Running and checking every program on the site, CPU per page",
            "how-these-were-measured",
            cell(per_page, 1, "CPU-s") if per_page else NOT_MEASURED,
        )
    )
    return rows


def build_table(data: dict[str, Any]) -> str:
    rows = []
    for key, label in BUILD_ROWS:
        if key not in data:
            continue  # a data file from before Zensical was measured
        entry = data[key]
        if "wall_s" not in entry:
            rows.append([label, NOT_MEASURED, entry.get("skipped", "")])
            continue
        cpu = cell(entry["cpu_s"], 2, "s") if "cpu_s" in entry else "not recorded"
        if any(code != 0 for code in entry.get("exit_codes", ())):
            cpu += " (some builds failed)"
        rows.append([label, cell(entry["wall_s"], 2, "s"), cpu])
    return _table("perf-build", ["Builder", "Wall time", "CPU time"], rows)


# The machine's pace (benchmark/yardstick.py), beside the suite's CPU time.
PACE_LABEL = "The machine's pace: CPU time of import anthropic in a fresh Python"


def suite_table(data: dict[str, Any]) -> str:
    """The latest measured run of every program on the site (``python -m benchmark --only
    suite``): wall time, CPU time of every process it started, pages, CPU per page."""
    suite = data.get("suite", {})
    if "wall_s" not in suite:
        return f"*Not measured: {html.escape(suite.get('skipped', 'no run recorded'))}.*"
    last = suite["outcomes"][-1]
    counts = ", ".join(f"{n} {kind}" for kind, n in last["counts"].items()) or "no count"
    rows = [
        ["Command", f"`{suite['command']}`"],
        ["Tests", counts + ("" if last["exit_code"] == 0 else " (the run failed)")],
        ["Wall time", cell(suite["wall_s"], 1, "s")],
    ]
    if "cpu_s" in suite:
        rows += [
            ["CPU time, every process the run started", cell(suite["cpu_s"], 1, "s")],
            ["How the CPU time was read", html.escape(suite["cpu_method_note"])],
            ["Pages in the site", str(suite["pages"])],
            ["CPU time per page", cell(suite["cpu_s_per_page"], 1, "s")],
        ]
        if "sdk_import_cpu_s" in suite:
            rows.append([PACE_LABEL, cell(suite["sdk_import_cpu_s"], 2, "s")])
        if last.get("machine_busy_s") is not None:
            rows.append(
                [
                    "The whole machine during the run: busy, of all its CPU time",
                    f"{num(last['machine_busy_s'], 0)} s of {num(last['machine_capacity_s'], 0)} s",
                ]
            )
    else:
        rows.append(["CPU time", "not recorded by this run (measured before CPU time was)"])
    return _table("perf-suite", ["Latest run", "Measured"], rows)


def suite_history_table(data: dict[str, Any]) -> str:
    """Every measured run of the suite, oldest first: its cost before and after each change.
    Lines measured before CPU time was recorded show a dash there."""
    rows = []
    for entry in data.get("suite_history", []):
        counts = ", ".join(f"{n} {kind}" for kind, n in entry["counts"].items()) or "no count"
        runs = entry["runs"]
        wall = f"{num(entry['wall_s'], 1)} s" + (f" (median of {runs})" if runs > 1 else "")
        machine = f"{entry.get('cpu_count') or '?'} CPUs"
        if entry.get("workers"):
            machine += f", {entry['workers']} test workers"
        if "sdk_import_cpu_s" in entry:
            machine += f", import anthropic {num(entry['sdk_import_cpu_s'], 2)} s"
        cpu = f"{num(entry['cpu_s'], 1)} s" if "cpu_s" in entry else "–"
        pages = str(entry["pages"]) if "pages" in entry else "–"
        per_page = f"{num(entry['cpu_s_per_page'], 1)} s" if "cpu_s_per_page" in entry else "–"
        rows.append([entry["measured_at"][:10], counts, wall, cpu, pages, per_page, machine])
    if not rows:
        return "*No run recorded yet.*"
    header = ["Measured", "Tests", "Wall time", "CPU time", "Pages", "CPU per page", "Machine"]
    return _table("perf-suite-history", header, rows)


def setup_table(data: dict[str, Any]) -> str:
    m, p, pacing = data["machine"], data["packages"], data["pacing"]
    versions = ", ".join(f"{name} {version}" for name, version in p.items() if version)
    load = m.get("load_average_before") or ["?"]
    rows = [
        ["Measured on", f"{data['generated_at']} (UTC)"],
        ["Machine", f"{m['cpu_count']} × {m['cpu_model']}, {m['platform']}"],
        ["Python", f"{m['implementation']} {m['python']}"],
        ["Packages", versions],
        [
            "Pacing of the local API (the model's inputs)",
            f"{num(pacing['ttft_ms'], 0)} ms to the first event, then "
            f"{num(pacing['tokens_per_second'], 0)} events per second",
        ],
        ["Repeats of each measurement", str(data["repeats"])],
        ["Load average when the run began", str(load[0])],
        ["Whole run", f"{num(data['duration_s'], 0)} s"],
    ]
    return _table("perf-setup", ["Setting", "Value"], rows)


def caveats(data: dict[str, Any]) -> str:
    return "\n".join(f"- {note}" for note in data["caveats"])


# -- charts -----------------------------------------------------------------------------------
CHART_STYLE = (
    "<style>"
    ".perf-chart{max-width:100%;height:auto;font:12px var(--md-text-font-family,sans-serif)}"
    ".perf-chart text{fill:var(--md-default-fg-color)}"
    ".perf-chart .axis{stroke:var(--md-default-fg-color--lighter);stroke-width:1}"
    ".perf-chart .range{stroke:var(--md-default-fg-color);stroke-width:1.5}"
    ".perf-chart .s0{fill:var(--md-primary-fg-color)}"
    ".perf-chart .s1{fill:var(--md-default-fg-color--light)}"
    "</style>"
)


def bar_chart(
    chart_id: str,
    title: str,
    groups: list[tuple[str, list[dict[str, Any]]]],
    series: list[str],
    unit: str,
    digits: int,
) -> str:
    """Horizontal bars (median) with a line from the fastest to the slowest run, one group per row.

    The colours are the theme's own variables, so the chart follows the light and dark
    schemes; every bar is also labelled with its value, and ``<desc>`` says the same in words.
    """
    width, label_w, right_pad, bar_h, gap = 680, 170, 120, 16, 14
    legend_h = 28
    rows = sum(len(stats) for _, stats in groups)
    height = legend_h + rows * bar_h + len(groups) * gap + gap
    top = max(s["max"] for _, stats in groups for s in stats) or 1
    scale = (width - label_w - right_pad) / top
    parts = [
        f'<svg class="perf-chart" id="{chart_id}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{html.escape(title)}</title>',
    ]
    words = []
    for group, stats in groups:
        for name, s in zip(series, stats, strict=True):
            words.append(
                f"{group}, {name}: median {num(s['median'], digits)} {unit} "
                f"(from {num(s['min'], digits)} to {num(s['max'], digits)})"
            )
    parts.append(f'<desc id="{chart_id}-desc">{html.escape("; ".join(words))}.</desc>')
    parts.append(CHART_STYLE)
    x = label_w
    for i, name in enumerate(series):
        parts.append(f'<rect class="s{i}" x="{x}" y="6" width="12" height="12"/>')
        parts.append(f'<text x="{x + 18}" y="16">{html.escape(name)}</text>')
        x += 30 + 7 * len(name)
    y = legend_h
    for group, stats in groups:
        y += gap / 2
        group_top = y
        for i, s in enumerate(stats):
            bar = max(s["median"] * scale, 1)
            lo, hi = label_w + s["min"] * scale, label_w + s["max"] * scale
            mid = y + bar_h / 2
            value = f"{num(s['median'], digits)} {unit}"
            parts.append(
                f'<rect class="s{i}" x="{label_w}" y="{y + 2}" width="{bar:.1f}" '
                f'height="{bar_h - 4}"><title>{html.escape(f"{group}, {series[i]}: {value}")}'
                "</title></rect>"
            )
            parts.append(f'<line class="range" x1="{lo:.1f}" x2="{hi:.1f}" y1="{mid}" y2="{mid}"/>')
            parts.append(f'<text x="{max(hi, label_w + bar) + 6:.1f}" y="{mid + 4}">{value}</text>')
            y += bar_h
        parts.append(
            f'<text x="{label_w - 8}" y="{(group_top + y) / 2 + 4}" '
            f'text-anchor="end">{html.escape(group)}</text>'
        )
        y += gap / 2
    parts.append(f'<line class="axis" x1="{label_w}" x2="{label_w}" y1="{legend_h}" y2="{y}"/>')
    parts.append("</svg>")
    return "".join(parts)


def _figure(svg: str, caption: str) -> str:
    return f'<figure class="perf-figure">{svg}<figcaption>{caption}</figcaption></figure>'


def cost_chart(data: dict[str, Any]) -> str:
    per_event = {
        row["client"]: row["cpu_us_per_event"]
        for row in data["client_cost"]["clients"]
        if "cpu_us_per_event" in row
    }
    groups = [(CHART_NAMES.get(c, c), [stats]) for c, stats in per_event.items()]
    svg = bar_chart(
        "perf-cost-chart", "CPU time per streamed event", groups, ["CPU per event"], "µs", 1
    )
    return _figure(
        svg,
        "Client CPU time per event (bar: median; line: range over the repeats). "
        "The same figures are in the table above.",
    )


# -- scalars for prose ------------------------------------------------------------------------
def scalars(data: dict[str, Any]) -> dict[str, str]:
    head = data["headline"]
    values: dict[str, str] = {
        "generated_at": data["generated_at"][:10],
        "repeats": str(data["repeats"]),
        "ttft_ms": num(data["pacing"]["ttft_ms"], 0),
        "tokens_per_second": num(data["pacing"]["tokens_per_second"], 0),
        "event_gap_ms": num(data["pacing"]["event_delay_s"] * 1000, 1),
        "cpu_count": str(data["machine"]["cpu_count"]),
        "machine": f"{data['machine']['cpu_count']} × {data['machine']['cpu_model']}",
        "run_minutes": num(data["duration_s"] / 60, 0),
        "short_overhead_ms": num(head["short_reply_streaming_overhead_cpu_ms"]["median"], 1),
        "short_overhead_ms_range": spread(head["short_reply_streaming_overhead_cpu_ms"], 1),
        "no_sdk_parser": data["no_sdk_parser"].split(" ")[0],
    }
    for size in SIZES:
        ratio = head["first_text_ratio"][size]
        gain = head["first_text_gain_ms"][size]
        values[f"ttft_ratio_{size}"] = num(ratio["median"], 1)
        values[f"ttft_ratio_{size}_range"] = spread(ratio, 1)
        values[f"ttft_gain_{size}_ms"] = num(gain["median"], 0)
        values[f"ttft_gain_{size}_ms_range"] = spread(gain, 0)
        values[f"tokens_{size}"] = str(data["latency"]["sizes"][size])
    for client, stats in head["cpu_us_per_event"].items():
        values[f"us_per_event_{client}"] = num(stats["median"], 0)
        values[f"us_per_event_{client}_range"] = spread(stats, 0)
        values[f"events_per_core_second_{client}"] = num(round(1e6 / stats["median"], -3), 0)
    values.update(model_scalars(data))
    values.update(many_streams_scalars(data.get("many_streams") or {}))
    values.update(resumable_scalars(data.get("resumable") or {}))
    values.update(build_scalars(data))
    relay = head.get("relay_added_ms")
    values["relay_added_ms"] = num(relay["median"], 2) if relay else "(not measured)"
    values["relay_added_ms_range"] = spread(relay, 2) if relay else "(not measured)"
    return values


def model_scalars(data: dict[str, Any]) -> dict[str, str]:
    """The latency model's inputs and results (``model_*``), and how late after the local
    API's schedule the client saw the first text (``first_text_late_ms``, measured)."""
    values = {
        f"model_ratio_{size}": num(model(data, tokens)["ratio"], 1)
        for size, tokens in data["latency"]["sizes"].items()
    }
    streamed = _latency_runs(data)[("medium", "streaming")]["first_text_s"]
    late = _shifted(streamed, -data["latency"]["paced_first_text_s"], 1000)
    values["first_text_late_ms"] = num(late["median"], 1)
    values["first_text_late_ms_range"] = spread(late, 1)
    return values


def many_streams_scalars(many: dict[str, Any]) -> dict[str, str]:
    """The load run's figures for prose (``many_*``); "(not measured)" without a run."""
    names = (
        "clients",
        "limit",
        "leavers",
        "tokens",
        "gap_ms",
        "wall_s",
        "wall_s_range",
        "ideal_wall_s",
        "rss_start_mib",
        "rss_peak_mib",
        "rss_end_mib",
        "rss_growth_mib",
        "left_open",
        "measured_at",
        "waves",
        "load",
    )
    if not many.get("available"):
        return {f"many_{name}": "(not measured)" for name in names}
    return {
        "many_clients": str(many["clients"]),
        "many_limit": str(many["limit"]),
        "many_leavers": str(many["leavers"]),
        "many_tokens": str(many["tokens_per_reply"]),
        "many_gap_ms": num(many["event_delay_s"] * 1000, 0),
        "many_wall_s": num(many["wall_s"]["median"], 2),
        "many_wall_s_range": spread(many["wall_s"], 2),
        "many_ideal_wall_s": num(many["ideal_wall_s"], 2),
        "many_rss_start_mib": num(many["rss_start_mib"], 1),
        "many_rss_peak_mib": num(many["rss_peak_mib"], 1),
        "many_rss_end_mib": num(many["rss_end_mib"], 1),
        "many_rss_growth_mib": num(many["rss_growth_per_round_mib"]["median"], 1),
        "many_left_open": str(many["upstreams_left_open"]),
        "many_measured_at": str(many.get("measured_at", ""))[:10],
        "many_waves": str(-(-many["clients"] // many["limit"])),
        "many_load": str((many.get("load_average_after") or ["?"])[0]),
    }


def resumable_scalars(resumed: dict[str, Any]) -> dict[str, str]:
    """The resumable load run's settings and figures for prose (``resumable_*``)."""
    names = ("clients", "reconnecting", "after", "tokens", "gap_ms", "keep_for_s")
    names += ("expired_s", "chunks", "latency_gap_ms", "measured_at", "load")
    if not resumed.get("available"):
        return {f"resumable_{name}": "(not measured)" for name in names}
    load, latency = resumed["load"], resumed["latency"]
    return {
        "resumable_clients": str(load["clients"]),
        "resumable_reconnecting": str(load["reconnecting"]),
        "resumable_after": str(load["reconnect_after_events"]),
        "resumable_tokens": str(load["tokens_per_reply"]),
        "resumable_gap_ms": num(load["event_delay_s"] * 1000, 0),
        "resumable_keep_for_s": str(load["keep_for_s"]),
        "resumable_expired_s": num(load["expired_within_s"], 1),
        "resumable_chunks": str(latency["chunks_per_reply"]),
        "resumable_latency_gap_ms": num(latency["event_delay_s"] * 1000, 0),
        "resumable_measured_at": str(resumed.get("measured_at", ""))[:10],
        "resumable_load": str((resumed.get("load_average_after") or ["?"])[0]),
    }


def build_scalars(data: dict[str, Any]) -> dict[str, str]:
    """The two site builds for prose (``build_*``); "(not measured)" without a side-by-side run."""
    ratio = data.get("build_ratio")
    if not ratio or "wall_s" not in data.get("zensical_build", {}):
        return dict.fromkeys(
            (
                "build_ratio",
                "build_ratio_range",
                "build_mkdocs_s",
                "build_zensical_s",
                "build_load",
            ),
            "(not measured)",
        )
    return {
        "build_ratio": num(ratio["median"], 1),
        "build_ratio_range": spread(ratio, 1),
        "build_mkdocs_s": num(data["site_build"]["wall_s"]["median"], 2),
        "build_zensical_s": num(data["zensical_build"]["wall_s"]["median"], 2),
        "build_load": " and ".join(str(x) for x in data.get("build_load_average", ["?"])),
    }


BLOCKS: dict[str, Callable[[dict[str, Any]], str]] = {
    "measured_table": measured_table,
    "model_table": model_table,
    "latency_table": latency_table,
    "cost_table": cost_table,
    "cost_chart": cost_chart,
    "relay_table": relay_table,
    "many_streams_table": many_streams_table,
    "resumable_table": resumable_table,
    "build_table": build_table,
    "suite_table": suite_table,
    "suite_history_table": suite_history_table,
    "setup_table": setup_table,
    "caveats": caveats,
}


def render(markdown: str, data: dict[str, Any], where: str = "a page") -> str:
    values = scalars(data)

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in BLOCKS:
            return BLOCKS[name](data)
        if name in values:
            return values[name]
        known = ", ".join(sorted([*BLOCKS, *values]))
        raise PerformanceError(f"{where}: unknown placeholder perf.{name}; known: {known}")

    return PLACEHOLDER.sub(substitute, markdown)


def load(docs_dir: str | Path) -> dict[str, Any]:
    path = Path(docs_dir) / DATA_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PerformanceError(f"{path} is missing: run `make benchmark` to write it") from None


# -- the Markdown extension ------------------------------------------------------------------
class _Placeholders(Preprocessor):
    def __init__(self, md: Markdown, docs_dir: str) -> None:
        super().__init__(md)
        self.docs_dir = docs_dir

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "perf." not in text:
            return lines
        return render(text, load(self.docs_dir)).split("\n")


class PerformanceExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"docs_dir": ["docs", "the pages' folder, which holds data/"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before the snippets are included (32) and raw HTML is set aside (20).
        md.preprocessors.register(_Placeholders(md, self.getConfig("docs_dir")), "perf", 34)


def makeExtension(**kwargs: Any) -> PerformanceExtension:  # noqa: N802
    return PerformanceExtension(**kwargs)
