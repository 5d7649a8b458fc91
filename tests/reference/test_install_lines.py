"""Every ``pip install`` the pages show pins the version the examples were tested with.

A bare ``pip install anthropic`` gives a reader whatever is newest, which the site never ran.
Each package named on an install line must be pinned with ``==`` to the version installed in
the suite's environment (for ``anthropic``, the one the Versions page states).
"""

from __future__ import annotations

import re
import shlex
from importlib.metadata import version

from tests.support.paths import DOCS, ROOT

INSTALL = re.compile(r"pip install ([^`\n]+)")
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([\w.]+)$")


def _install_lines() -> list[tuple[str, str]]:
    pages = [*sorted(DOCS.rglob("*.md")), ROOT / "README.md"]
    found = []
    for page in pages:
        for match in INSTALL.finditer(page.read_text(encoding="utf-8")):
            found.append((page.name, match.group(1).strip()))
    return found


def test_there_are_install_lines() -> None:
    assert any("anthropic" in line for _, line in _install_lines())


def test_every_package_installed_is_pinned_to_the_tested_version() -> None:
    for page, line in _install_lines():
        for word in shlex.split(line):
            if word.startswith("-") or word in {".", "-e"}:
                continue
            pinned = PIN.match(word)
            assert pinned, f"{page}: `pip install {line}` does not pin {word!r} with =="
            name, pin = pinned.groups()
            assert pin == version(name), f"{page}: pins {name} {pin}, tested with {version(name)}"
