"""Where the benchmark finds the site's files: it measures the repository it lives in."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
