"""Where things live in the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
SNIPPET_SUFFIXES = (".py", ".sh")
GOLDEN_SUFFIX = ".out.txt"


def snippet_files() -> list[Path]:
    return sorted(
        p
        for p in SNIPPETS.rglob("*")
        if p.suffix in SNIPPET_SUFFIXES and "__pycache__" not in p.parts
    )


def golden_files() -> list[Path]:
    return sorted(SNIPPETS.rglob(f"*{GOLDEN_SUFFIX}"))


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()
