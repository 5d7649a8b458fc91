"""Build the site exactly as it is published: the one place the test suite builds it.

The build is ``mkdocs build --strict`` (a broken include, link or nav entry fails it) with an
environment holding nothing but the banner switch, so a build that quietly relies on a tool on
``PATH`` or on the caller's settings fails here rather than on the publishing machine.
"""

from __future__ import annotations

import fcntl
import subprocess
import sys
from pathlib import Path

from tests.support.paths import ROOT

BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": ""}


class BuildError(RuntimeError):
    """``mkdocs build --strict`` failed; the message carries its stderr."""


def build_site(dest: Path) -> Path:
    """Build the site with ``mkdocs build --strict`` into ``dest`` and return ``dest``."""
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        check=False,
        timeout=120,
    )
    if done.returncode != 0:
        raise BuildError(f"mkdocs build --strict failed (exit {done.returncode}):\n{done.stderr}")
    return dest


def build_site_once(directory: Path) -> Path:
    """The site built into ``directory/site`` by whichever process asks first.

    Parallel test workers share ``directory``: the first to take the lock builds, the others
    wait and read the same files (about 4 s of CPU each saved). A failed build is not marked
    done, so every worker that needs the site reports the failure itself.
    """
    directory.mkdir(parents=True, exist_ok=True)
    dest = directory / "site"
    done = directory / "site.built"
    with open(directory / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            build_site(dest)
            done.touch()
    return dest
