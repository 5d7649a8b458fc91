"""The Performance page shows the resumable load run as the data file holds it.

``python -m benchmark --only resumable`` writes the ``resumable`` section of
``docs/data/performance.json`` (it is not run here: two relays, Redis and 200 streams); this
reads the built page's table back and holds it to that section, and holds the section to what
the run promises (every answer whole and once, one upstream request each, no key left).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.site.test_performance_page import DATA_FILE, agrees, table


def _resumable() -> dict[str, Any]:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))["resumable"]


def test_the_resumable_run_kept_its_promises() -> None:
    resumed = _resumable()
    assert resumed["available"], resumed.get("note")
    load = resumed["load"]
    assert load["clients"] >= 200
    assert load["reconnecting"] == -(-load["clients"] // 4)
    assert load["whole_once"] == load["clients"]
    assert load["upstream_requests_per_answer"] == 1.0
    assert load["redis_used_memory_peak_mib"] > load["redis_used_memory_after_expiry_mib"]


def test_the_resumable_table_shows_the_data_file(site_dir: Path) -> None:
    page = (site_dir / "performance" / "index.html").read_text(encoding="utf-8")
    resumed = _resumable()
    load, latency = resumed["load"], resumed["latency"]
    rows = {row[0]: row[1] for row in table(page, "perf-resumable")}
    assert rows["Answers at once (reconnecting part-way)"] == (
        f"{load['clients']} ({load['reconnecting']})"
    )
    assert rows["Answers complete, every piece exactly once"] == str(load["whole_once"])
    assert float(rows["Upstream requests per answer"]) == load["upstream_requests_per_answer"]
    memory = rows["Redis memory (used_memory): before, peak, after expiry"]
    for key in ("before", "peak", "after_expiry"):
        assert f"{load[f'redis_used_memory_{key}_mib']:.2f} MiB" in memory
    agrees(rows["Added per event, plain relay"], latency["plain_relay_ms"])
    agrees(rows["Added per event, resumable relay"], latency["resumable_relay_ms"])
