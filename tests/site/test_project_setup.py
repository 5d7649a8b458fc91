"""The README's promises: two commands, CI runs the same one, the stand-in starts by hand."""

from __future__ import annotations

import os
import re
import runpy
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from benchmark.build_times import SUITE_ARGS
from tests.support.paths import ROOT
from tests.support.settings import FAKE_KEY


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block, "README's 'Two commands' section has no bash block"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_gives_exactly_two_commands() -> None:
    assert _readme_commands() == ["make serve", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in ci.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    assert lines[-1] == "make test", "the last step of .ci/run must be the README's test command"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_stand_in_started_by_hand_serves_an_example() -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "standin", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        banner = server.stdout.readline()
        assert f"http://127.0.0.1:{port}" in banner
        done = subprocess.run(
            [sys.executable, "snippets/getting-started/stream_text.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env={
                "PATH": "",
                "ANTHROPIC_BASE_URL": f"http://127.0.0.1:{port}",
                "ANTHROPIC_API_KEY": FAKE_KEY,
            },
        )
        assert done.returncode == 0, done.stderr
        expected = (ROOT / "snippets/getting-started/stream_text.text.out.txt").read_text()
        assert done.stdout == expected
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.timeout(30)  # a stand-in that did start would serve on, never returning
def test_the_stand_in_says_clearly_when_its_port_is_taken(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``python -m standin`` run as Python runs it (``runpy``, ``__main__`` and all), in this
    process: a new interpreter would spend two CPU-seconds importing what this one holds."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setattr(sys, "argv", ["standin", "--port", str(port)])
        monkeypatch.delitem(sys.modules, "standin.__main__", raising=False)  # as if never run
        with pytest.raises(SystemExit) as done:
            runpy.run_module("standin", run_name="__main__")
    assert done.value.code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def _layout_paths() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Layout", 1)[1].split("\n### ", 1)[0]
    return {m.rstrip("/") for m in re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE)}


def _tracked_folders() -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    top = {f.split("/")[0] for f in listed if "/" in f}
    tests = {
        "/".join(f.split("/")[:2]) for f in listed if f.startswith("tests/") and f.count("/") > 1
    }
    return {t for t in top | tests if t != "tests"}


def test_the_readme_layout_names_every_folder() -> None:
    named = _layout_paths()
    named_roots = {p.split("/<")[0] for p in named}
    missing = sorted(f for f in _tracked_folders() if f not in named_roots)
    assert not missing, f"README's Layout table does not name these folders: {missing}"


def _dry_run(folder: Path, target: tuple[str, ...]) -> str:
    done = subprocess.run(
        ["make", "-n", *target], cwd=folder, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("target", [("serve",), ("check", "PAGE=cancellation")], ids=" ".join)
def test_set_up_runs_again_when_the_pins_change_not_when_a_file_is_newer(
    tmp_path: Path, target: tuple[str, ...]
) -> None:
    """A fresh clone gives pyproject.toml a new modification time: an up-to-date .venv beside it
    must not be built again (by ``make serve`` or by the one-page ``make check``), and a change
    to the pins must rebuild it."""
    for name in ("Makefile", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    install = "pip install"
    assert install in _dry_run(tmp_path, target), "a missing .venv is not set up"
    stamp = next(
        line.split("touch ", 1)[1].strip()
        for line in _dry_run(tmp_path, target).splitlines()
        if "touch .venv/.deps-" in line
    )
    (tmp_path / stamp).parent.mkdir(parents=True)
    (tmp_path / stamp).touch()
    os.utime(tmp_path / stamp, (1, 1))  # older than every file beside it
    assert install not in _dry_run(tmp_path, target), "an up-to-date .venv was set up again"
    with (tmp_path / "pyproject.toml").open("a", encoding="utf-8") as pins:
        pins.write("\n# a changed pin\n")
    assert install in _dry_run(tmp_path, target), "changed pins did not set .venv up again"


def test_the_benchmark_times_the_suite_as_make_test_runs_it() -> None:
    """The Performance page's suite figures are for the README's test command, options and all."""
    command = next(
        line.split()
        for line in _dry_run(ROOT, ("test",)).splitlines()
        if line.split()[1:3] == ["-m", "pytest"]
    )
    assert command[3:] == SUITE_ARGS, f"make test runs {command[3:]}, the benchmark {SUITE_ARGS}"
