"""The Performance page shows the benchmark's figures, and the benchmark still runs.

The page is generated from ``docs/data/performance.json`` by ``siteparts/performance.py``; these
tests build the site and read the tables back, so a page that disagrees with its data (or data
that no longer fits the page) fails here. They never judge the figures themselves: timings
depend on the machine.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
import sys
from datetime import datetime
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

import markdown
import pytest

from benchmark import build_times, cpu_time
from siteparts import performance
from tests.support.paths import DOCS, ROOT

DATA_FILE = DOCS / "data" / "performance.json"
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
STAT_KEYS = ("median", "min", "max", "q1", "q3", "n", "values")


def _hook() -> ModuleType:
    return performance


def _data(path: Path = DATA_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


# -- the data file ----------------------------------------------------------------------------
def _stats(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every summary (median, spread, n) in the measured sections, with where it is."""
    found: list[tuple[str, dict[str, Any]]] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if "median" in node:
                found.append((where, node))
                return
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    for section in ("latency", "client_cost", "relay", "site_build"):
        walk(data[section], section)
    return found


def check_results(data: dict[str, Any], *, min_repeats: int) -> None:
    """The fields the page and a reader rely on, and summaries that are internally sound."""
    for key in ("generated_at", "repeats", "machine", "packages", "pacing", "headline"):
        assert key in data, f"the data file has no {key!r}"
    stamp = datetime.strptime(data["generated_at"], "%Y-%m-%dT%H:%M:%SZ")
    assert stamp.year >= 2026
    machine = data["machine"]
    assert isinstance(machine["cpu_count"], int) and machine["cpu_count"] >= 1
    for key in ("cpu_model", "python", "platform"):
        assert isinstance(machine[key], str) and machine[key], f"machine.{key} is empty"
    assert data["packages"]["anthropic"] and data["packages"]["httpx2"]
    pacing = data["pacing"]
    assert pacing["ttft_ms"] >= 0 and pacing["tokens_per_second"] > 0
    assert pacing["event_delay_s"] == pytest.approx(1 / pacing["tokens_per_second"], rel=1e-3)
    assert data["repeats"] >= min_repeats, f"fewer than {min_repeats} repeats"
    assert set(data["latency"]["sizes"]) == {"short", "medium", "long"}
    assert data["relay"]["available"], "the relay's latency was not measured"
    stats = _stats(data)
    assert len(stats) > 30, "the measured sections hold too few figures"
    for where, s in stats:
        assert set(STAT_KEYS) <= set(s), f"{where} lacks {set(STAT_KEYS) - set(s)}"
        assert s["n"] == len(s["values"]) == data["repeats"], f"{where}: n is not the repeats"
        assert s["min"] <= s["q1"] <= s["median"] <= s["q3"] <= s["max"], f"{where}: disorder"


def test_data_file_has_the_required_fields_and_enough_repeats() -> None:
    data = _data()
    check_results(data, min_repeats=3)
    assert data["quick"] is False, "the committed data file comes from a quick smoke run"


def test_data_file_was_measured_with_the_installed_packages() -> None:
    """An upgrade of the SDK or httpx2 makes the figures stale: rerun `make benchmark`."""
    packages = _data()["packages"]
    for name in ("anthropic", "httpx2"):
        assert packages[name] == metadata.version(name), (
            f"{name} {packages[name]} was measured, {metadata.version(name)} is installed: "
            "run `make benchmark`"
        )


# -- the built page ---------------------------------------------------------------------------
def table(page: str, table_id: str) -> list[list[str]]:
    """The body rows of the table inside the element with ``table_id``, as cell texts."""
    match = re.search(rf'id="{table_id}"[^>]*>(.*?)</table>', page, re.DOTALL)
    assert match, f"no table #{table_id} on the page"
    body = match.group(1).split("<tbody>", 1)[-1]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL)
        rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return rows


def agrees(shown: str, stats: dict[str, Any]) -> None:
    """A cell ``median (min to max)`` shows the data's figures, to the digits it prints."""
    numbers = NUMBER.findall(shown)
    keys = ("median",) if stats["n"] == 1 else ("median", "min", "max")
    assert len(numbers) == len(keys), f"expected {' and '.join(keys)} in {shown!r}"
    for text, key in zip(numbers, keys, strict=True):
        digits = len(text.split(".")[1]) if "." in text else 0
        value = float(text.replace(",", ""))
        assert abs(value - stats[key]) <= 0.5 * 10**-digits + 1e-9, (
            f"{shown!r}: {key} is {stats[key]} in the data file"
        )


def check_tables(page: str, data: dict[str, Any]) -> None:
    runs = {(r["size"], r["mode"]): r for r in data["latency"]["runs"]}
    scheduled = data["latency"]["paced_first_text_s"]
    rows = table(page, "perf-latency")
    assert len(rows) == len(data["latency"]["sizes"])
    for row, (size, tokens) in zip(rows, data["latency"]["sizes"].items(), strict=True):
        assert row[0] == f"{size} ({tokens} tokens)"
        streamed = runs[(size, "streaming")]["first_text_s"]
        agrees(row[1], streamed)
        agrees(row[2], runs[(size, "non-streaming")]["first_text_s"])
        late = {k: (streamed[k] - scheduled) * 1000 for k in ("median", "min", "max")}
        agrees(row[3], late | {"n": streamed["n"]})

    check_model(page, data)

    cost = data["client_cost"]
    rows = table(page, "perf-cost")
    assert len(rows) == len(cost["clients"])
    for row, client in zip(rows, cost["clients"], strict=True):
        assert row[0] == client["label"]
        if "cpu_us_per_event" in client:
            agrees(row[1], client["cpu_us_per_event"])
            agrees(row[4], client["by_size"][cost["long_size"]]["events_per_second"])
        agrees(row[2], client["by_size"][cost["short_size"]]["cpu_ms_per_reply"])
        agrees(row[3], client["by_size"][cost["long_size"]]["cpu_ms_per_reply"])

    rows = table(page, "perf-relay")
    for row, key in zip(rows, ("direct_ms", "relayed_ms", "added_ms"), strict=True):
        agrees(row[1], data["relay"][key])

    rows = {row[0]: row for row in table(page, "perf-build")}
    for key, label in _hook().BUILD_ROWS:
        if key not in data:
            assert label not in rows, f"{label}: a row with no data"
        elif "wall_s" in data[key]:
            agrees(rows[label][1], data[key]["wall_s"])
            agrees(rows[label][2], data[key]["cpu_s"])
        else:
            assert "not measured" in rows[label][1]


def check_model(page: str, data: dict[str, Any]) -> None:
    """The latency model's table is the formula applied to the pacing's inputs, worked out
    here again: TTFT for the first text streamed, TTFT + N / r not streamed, and their ratio."""
    ttft = data["pacing"]["ttft_ms"] / 1000
    rate = data["pacing"]["tokens_per_second"]
    rows = table(page, "perf-model")
    assert len(rows) == len(data["latency"]["sizes"])
    for row, tokens in zip(rows, data["latency"]["sizes"].values(), strict=True):
        whole = ttft + tokens / rate
        assert row[1:] == [f"{ttft:,.2f} s", f"{whole:,.2f} s", f"{whole / ttft:,.1f}×"]


def check_measured(page: str, data: dict[str, Any]) -> None:
    """The lead table: each figure measured on this machine, as the data file holds it."""
    rows = {row[0]: row[1] for row in table(page, "perf-measured")}
    per_event = data["headline"]["cpu_us_per_event"]
    for client, name in (("stream_helper", "stream()"), ("create_stream", "create(stream=True)")):
        agrees(rows[f"Client CPU per event, {name}"], per_event[client])
    agrees(rows["Client CPU per event, no SDK, SSE parser"], per_event["no_sdk"])
    short = data["latency"]["sizes"][data["headline"]["short_size"]]
    agrees(
        rows[f"Extra client CPU to stream a {short}-token reply"],
        data["headline"]["short_reply_streaming_overhead_cpu_ms"],
    )
    agrees(rows["Latency a browser relay adds to each chunk"], data["relay"]["added_ms"])
    many = data["many_streams"]
    if many.get("available"):
        peak = rows[f"Relay memory, {many['clients']} browsers at once: peak"]
        assert peak == f"{many['rss_peak_mib']:,.1f} MiB"
    if data["resumable"].get("available"):
        agrees(
            rows["Latency the resumable relay adds to each event"],
            data["resumable"]["latency"]["resumable_relay_ms"],
        )
    for key, label in _hook().BUILD_ROWS:
        shown = rows[f"Building this site, {label}"]
        if "wall_s" in data.get(key, {}):
            agrees(shown, data[key]["wall_s"])
        else:
            assert shown == "not measured yet"
    shown = rows["Running and checking every program on the site, CPU per page"]
    if "cpu_s_per_page" in data["suite"]:
        agrees(shown, data["suite"]["cpu_s_per_page"])
    else:
        assert shown == "not measured yet"


def check_suite_history(page: str, data: dict[str, Any]) -> None:
    history = data["suite_history"]
    if not history:
        assert "No run recorded yet" in page
        return
    rows = table(page, "perf-suite-history")
    assert len(rows) == len(history)
    for row, entry in zip(rows, history, strict=True):
        assert row[0] == entry["measured_at"][:10]
        for kind, n in entry["counts"].items():
            assert f"{n} {kind}" in row[1]
        assert NUMBER.findall(row[2])[0] == f"{entry['wall_s']:,.1f}"
        if "cpu_s" in entry:  # lines from before CPU time was recorded show a dash
            assert row[3:6] == [
                f"{entry['cpu_s']:,.1f} s",
                str(entry["pages"]),
                f"{entry['cpu_s_per_page']:,.1f} s",
            ]
        else:
            assert row[3:6] == ["–", "–", "–"]
        if entry.get("workers"):
            assert f"{entry['workers']} test workers" in row[6]
        if "sdk_import_cpu_s" in entry:
            assert f"import anthropic {entry['sdk_import_cpu_s']:,.2f} s" in row[6]


def check_suite(page: str, data: dict[str, Any]) -> None:
    """The latest run of the suite: its wall time, and its CPU time, page count, CPU per page
    and the method that read the CPU time where the run recorded them."""
    suite = data["suite"]
    rows = {row[0]: row[1] for row in table(page, "perf-suite")}
    agrees(rows["Wall time"], suite["wall_s"])
    if "cpu_s" not in suite:
        assert "not recorded" in rows["CPU time"]
        return
    agrees(rows["CPU time, every process the run started"], suite["cpu_s"])
    agrees(rows["CPU time per page"], suite["cpu_s_per_page"])
    assert rows["Pages in the site"] == str(suite["pages"])
    assert rows["How the CPU time was read"] == cpu_time.METHODS[suite["cpu_method"]]
    if "sdk_import_cpu_s" in suite:
        agrees(rows[performance.PACE_LABEL], suite["sdk_import_cpu_s"])


def test_the_suite_history_ends_with_the_suite_measured_last() -> None:
    """The newest line of the history is the run the project table shows, and the lines are in
    the order they were measured."""
    data = _data()
    history = data["suite_history"]
    assert len(history) >= 2, "the page promises a before and an after"
    assert history[-1]["wall_s"] == data["suite"]["wall_s"]["median"]
    assert history[-1]["counts"] == data["suite"]["outcomes"][-1]["counts"]
    dates = [entry["measured_at"] for entry in history]
    assert dates == sorted(dates)


def test_the_suite_history_table_shows_the_data_file(site_dir: Path) -> None:
    page = (site_dir / "performance" / "index.html").read_text(encoding="utf-8")
    check_suite_history(page, _data())
    check_suite(page, _data())


def test_a_suite_run_with_cpu_time_renders_in_every_table() -> None:
    """The committed file may predate CPU time; a run that recorded it shows it in the lead
    table, the latest run's table and the history (the figures here are made up: rendering
    only)."""
    data = _data()
    stat = {"median": 400.0, "min": 400.0, "max": 400.0, "n": 1}
    per_page = {"median": 11.11, "min": 11.11, "max": 11.11, "n": 1}
    suite = data["suite"] | {
        "cpu_s": stat,
        "cpu_method": cpu_time.CGROUP,
        "cpu_method_note": cpu_time.METHODS[cpu_time.CGROUP],
        "pages": 36,
        "cpu_s_per_page": per_page,
        "sdk_import_cpu_s": {"median": 1.75, "min": 1.7, "max": 1.8, "n": 5},
    }
    entry = build_times.history_entry(suite, "2099-01-01T00:00:00Z", 2)
    data |= {"suite": suite, "suite_history": [*data["suite_history"], entry]}
    page = _rendered(data, "measured_table", "suite_table", "suite_history_table")
    check_measured(page, data)
    check_suite(page, data)
    check_suite_history(page, data)
    assert "11.1 CPU-s" in page


def _rendered(data: dict[str, Any], *blocks: str) -> str:
    text = "\n\n".join(_hook().render(f"{{{{ perf.{name} }}}}", data) for name in blocks)
    return markdown.markdown(text, extensions=["tables", "md_in_html"])


def test_a_new_suite_run_is_added_to_the_history() -> None:
    suite = {
        "command": "pytest",
        "wall_s": {"median": 99.5, "n": 1},
        "outcomes": [{"exit_code": 0, "counts": {"passed": 7}}],
    }
    older = {"generated_at": "2026-01-01T00:00:00Z", "machine": {"cpu_count": 2}, "suite": suite}
    entry = build_times.history_entry(suite, "2026-02-01T00:00:00Z", 2)
    first = build_times.with_history(older, entry)
    assert [e["measured_at"] for e in first] == ["2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"]
    assert build_times.with_history({"suite_history": first}, entry)[:2] == first
    assert build_times.with_history(None, entry) == [entry]


def test_the_page_tables_show_the_data_file(site_dir: Path) -> None:
    page = (site_dir / "performance" / "index.html").read_text(encoding="utf-8")
    check_tables(page, _data())
    check_measured(page, _data())


INTERNAL = re.compile(r"stand-?in|golden|scenario|test suite", re.IGNORECASE)
METHOD = "how-these-were-measured"


def test_the_page_leads_with_measurements_and_keeps_the_machinery_in_its_method_section(
    site_dir: Path,
) -> None:
    """The lead table comes first; words about how the site is checked appear only in the
    method section, the page's last, whose id other pages may link."""
    page = (site_dir / "performance" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<h1") : page.index("</article>")]
    headings = re.findall(r'<h2 id="([^"]+)"', article)
    assert headings[-1] == METHOD, f"the method section is not last: {headings}"
    lead = article[: article.index('id="perf-measured"')]
    assert "<h2" not in lead, "the measured figures do not come first"
    before = re.sub(r"<[^>]+>", " ", article[: article.index(f'<h2 id="{METHOD}"')])
    assert not INTERNAL.findall(before), "internal words outside the method section"
    assert INTERNAL.findall(article[article.index(f'<h2 id="{METHOD}"') :]), (
        "the check above reads the wrong part of the page"
    )


def test_the_charts_have_a_text_alternative_and_theme_colours(site_dir: Path) -> None:
    page = (site_dir / "performance" / "index.html").read_text(encoding="utf-8")
    data = _data()
    for chart in ("perf-cost-chart",):
        svg = re.search(rf'<svg class="perf-chart" id="{chart}".*?</svg>', page, re.DOTALL)
        assert svg, f"no chart #{chart}"
        assert 'role="img"' in svg.group(0)
        desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg.group(0), re.DOTALL)
        assert desc and "median" in desc.group(1)
        assert "var(--md-default-fg-color)" in svg.group(0), "text colour must follow the scheme"
        addresses = set(re.findall(r"(?:https?:)?//[\w.-]+[^\s\"')]*", svg.group(0)))
        assert addresses <= {"http://www.w3.org/2000/svg"}, f"the chart refers to {addresses}"
    per_event = data["headline"]["cpu_us_per_event"]["stream_helper"]["median"]
    assert f"median {per_event:,.1f} µs" in page


def test_every_placeholder_on_every_page_is_filled(site_dir: Path) -> None:
    hook = _hook()
    values = hook.scalars(_data())
    used = 0
    for source in DOCS.rglob("*.md"):
        names = hook.PLACEHOLDER.findall(source.read_text(encoding="utf-8"))
        rel = source.relative_to(DOCS).with_suffix("")
        built = site_dir / (rel.parent if rel.name == "index" else rel) / "index.html"
        page = built.read_text(encoding="utf-8")
        assert "{{ perf." not in page, f"{built} still holds a placeholder"
        for name in names:
            if name in values:
                used += 1
                assert values[name] in page, f"{rel}: perf.{name} = {values[name]!r} not shown"
    assert used, "no page quotes a figure from the data file"


def test_a_figure_quoted_in_prose_is_the_data_files() -> None:
    data = _data()
    values = _hook().scalars(data)
    head = data["headline"]
    assert float(values["ttft_ratio_medium"]) == pytest.approx(
        head["first_text_ratio"]["medium"]["median"], abs=0.05
    )
    per_event = head["cpu_us_per_event"]["stream_helper"]["median"]
    assert float(values["us_per_event_stream_helper"].replace(",", "")) == pytest.approx(
        per_event, abs=0.5
    )


def test_an_unknown_placeholder_fails_the_build() -> None:
    hook = _hook()
    with pytest.raises(hook.PerformanceError, match=r"perf\.no_such_figure"):
        hook.render("{{ perf.no_such_figure }}", _data())


# -- the benchmark command --------------------------------------------------------------------
@pytest.mark.timeout(240)
def test_the_benchmark_command_runs_and_its_output_renders(tmp_path: Path) -> None:
    """A quick run into a temporary file: the command works, the committed file is untouched,
    and the hook renders what it wrote into tables that agree with it."""
    before = hashlib.sha256(DATA_FILE.read_bytes()).hexdigest()
    output = tmp_path / "performance.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmark", "--quick", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=230,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert hashlib.sha256(DATA_FILE.read_bytes()).hexdigest() == before
    data = _data(output)
    assert data["quick"] is True
    check_results(data, min_repeats=3)
    blocks = ("latency_table", "model_table", "cost_table", "relay_table", "build_table")
    page = _rendered(data, *blocks, "measured_table")
    check_tables(page, data)
    check_measured(page, data)
