"""The registry of generated files (``tests/support/generated.py``) is what the README lists,
and each entry names files and producers that exist, so ``make regen`` runs real tests and a
failure's command rewrites a real file."""

from __future__ import annotations

from tests.support.generated import HEADER, REGISTRY, entry_for, pytest_args, readme_table
from tests.support.paths import ROOT, golden_files


def test_the_readme_lists_the_registry() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert HEADER[0] in lines, "README.md has no table of generated files"
    start = lines.index(HEADER[0])
    end = next((n for n in range(start, len(lines)) if not lines[n].startswith("|")), len(lines))
    assert lines[start:end] == readme_table(), (
        "README.md's table of generated files differs from tests/support/generated.py: "
        "paste readme_table() there"
    )


def test_every_entry_has_files_and_producers() -> None:
    for entry in REGISTRY:
        assert list(ROOT.glob(entry.files)), f"{entry.name}: no file matches {entry.files}"
        for producer in entry.producers:
            path, _, name = producer.partition("::")
            assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8"), producer
    assert entry_for(golden_files()[0]).name == "goldens"


def test_a_page_narrows_regen_to_its_goldens() -> None:
    assert pytest_args(page="cancellation") == [
        "tests/examples/test_snippets.py::test_snippet",
        "--snippets",
        "cancellation",
    ]
    assert len(pytest_args()) == len({p for e in REGISTRY for p in e.producers})
