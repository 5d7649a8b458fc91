"""The Pythons every example is run on, each in an environment a reader would have.

The list is ``[tool.streaming-docs] example-pythons`` in ``pyproject.toml``: from the SDK's
floor (its ``Requires-Python``) up to the newest CPython this machine image keeps. Each gets
``.pythons/<version>/``, a virtual environment holding only the ``examples`` dependency group,
the packages a reader installs to run the examples. A listed Python that the machine lacks is
an error that names it, never a silent skip.

``python -m tests.examples.harness.pythons`` creates the missing environments (``make test``
runs it); the test session only uses them.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.paths import ROOT

PYPROJECT = ROOT / "pyproject.toml"
ENVIRONMENTS = ROOT / ".pythons"
STAMP = ".examples-group"


@dataclass(frozen=True)
class ExamplePython:
    version: str  # "3.10"

    @property
    def environment(self) -> Path:
        return ENVIRONMENTS / self.version

    @property
    def python(self) -> Path:
        return self.environment / "bin" / "python"

    def interpreter(self) -> Path | None:
        """The machine's CPython of this version: kept by pyenv, or on PATH (not a shim)."""
        root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
        for candidate in sorted(glob.glob(str(root / "versions" / f"{self.version}.*")))[::-1]:
            binary = Path(candidate) / "bin" / f"python{self.version}"
            if binary.is_file():
                return binary
        found = shutil.which(f"python{self.version}")
        if found and "shims" not in Path(found).parts:
            return Path(found)
        return None

    def problem(self) -> str | None:
        """Why this Python cannot run the examples, or None when its environment is ready."""
        if not self.python.is_file():
            if self.interpreter() is None:
                return (
                    f"Python {self.version} is not on this machine (looked for "
                    f"python{self.version} on PATH and under pyenv): install it"
                )
            return f"no environment for Python {self.version}: run `make test` to create it"
        stamp = self.environment / STAMP
        if not stamp.is_file() or stamp.read_text() != group_fingerprint():
            return f".pythons/{self.version} is older than pyproject.toml: run `make test`"
        return None


FACTS = """
import json, platform, sys
from importlib import metadata
names = sys.argv[1:]
print(json.dumps({"python": platform.python_version(),
                  "packages": {n: metadata.version(n) for n in names}}))
"""


def example_packages() -> list[str]:
    """The distribution names in the examples group (markers and pins dropped)."""
    group = configured()["dependency-groups"]["examples"]
    return sorted({re.split(r"[=<>!~;\s]", item, maxsplit=1)[0] for item in group})


def environment_facts(target: ExamplePython) -> dict[str, Any]:
    """What a reader on this Python gets: its exact version and the examples' packages."""
    done = subprocess.run(
        [str(target.python), "-c", FACTS, *example_packages()],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout)


def configured() -> dict[str, Any]:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))


def example_pythons() -> list[ExamplePython]:
    versions = configured()["tool"]["streaming-docs"]["example-pythons"]
    return [ExamplePython(v) for v in versions]


def group_fingerprint() -> str:
    group = configured()["dependency-groups"]["examples"]
    return hashlib.sha256(repr(group).encode()).hexdigest()[:16]


def create(target: ExamplePython) -> None:
    """Make ``.pythons/<version>`` with only the examples group installed."""
    interpreter = target.interpreter()
    if interpreter is None:
        raise SystemExit(target.problem())
    shutil.rmtree(target.environment, ignore_errors=True)
    quiet = ["-q", "--disable-pip-version-check"]
    subprocess.run([str(interpreter), "-m", "venv", str(target.environment)], check=True)
    pip = [str(target.python), "-m", "pip", "install", *quiet]
    subprocess.run([*pip, "pip>=25.1"], check=True)
    subprocess.run([*pip, "--group", f"{PYPROJECT}:examples"], check=True, cwd=ROOT)
    (target.environment / STAMP).write_text(group_fingerprint())


def main() -> int:
    missing = []
    for target in example_pythons():
        problem = target.problem()
        if problem is None:
            continue
        if target.interpreter() is None:
            missing.append(problem)
            continue
        print(f"creating .pythons/{target.version} (examples group only)", flush=True)
        create(target)
    for problem in missing:
        print(f"{problem} (the example tests will fail until it is)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())


def golden_python() -> ExamplePython:
    """The example Python of this suite's own version: the golden run uses its environment
    (only what a reader installs), and the other example Pythons repeat the run."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for target in example_pythons():
        if target.version == version:
            return target
    raise RuntimeError(
        f"the suite runs on Python {version}, which is not in [tool.streaming-docs] "
        "example-pythons: the golden run needs an examples environment of its own version"
    )
