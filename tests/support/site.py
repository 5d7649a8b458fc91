"""Build the site exactly as it is published: the one place the test suite builds it.

The build is ``mkdocs build --strict`` (a broken include, link or nav entry fails it) with an
environment holding nothing but the banner switch, so a build that quietly relies on a tool on
``PATH`` or on the caller's settings fails here rather than on the publishing machine.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.support.paths import ROOT

BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": ""}
# What a build reads, from the project root: the config, the pages, the included files, the
# theme overrides, the drawings and the extensions.
BUILD_INPUTS = ("mkdocs.yml", "docs", "snippets", "overrides", "diagrams", "siteparts")


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


def build_zensical_site(dest: Path) -> Path:
    """Build the same ``mkdocs.yml`` with Zensical into ``dest``, as ``make build-zensical`` does:
    ``zensical build --clean --strict``, then ``python -m siteparts.llms`` for what MkDocs'
    hook writes.

    Zensical has no ``--site-dir``, writes only inside the project and keeps a cache there
    (``.cache/``), so it builds a copy of what the build reads (``BUILD_INPUTS``) in a folder
    beside ``dest``: two sessions never share a cache, and the working tree is left alone. A
    file the build needs and the copy lacks fails the build (``check_paths``), not the test.
    """
    project = dest.parent / "project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, project / name)
    for command in (
        ["-m", "zensical", "build", "--clean", "--strict"],
        ["-m", "siteparts.llms", "site"],
    ):
        done = subprocess.run(
            [sys.executable, *command],
            cwd=project,
            capture_output=True,
            text=True,
            env={"PATH": ""},
            check=False,
            timeout=120,
        )
        if done.returncode != 0:
            raise BuildError(
                f"{' '.join(command[1:3])} failed (exit {done.returncode}):\n{done.stderr}"
            )
    shutil.rmtree(dest, ignore_errors=True)
    (project / "site").rename(dest)
    return dest


def build_site_once(directory: Path, build: Callable[[Path], Path] = build_site) -> Path:
    """The site built into ``directory/site`` by whichever process asks first.

    Parallel test workers share ``directory``: the first to take the lock builds (with
    ``build``: MkDocs unless told), the others
    wait and read the same files (about 4 s of CPU each saved). A failed build is not marked
    done, so every worker that needs the site reports the failure itself.
    """
    directory.mkdir(parents=True, exist_ok=True)
    dest = directory / "site"
    done = directory / "site.built"
    with open(directory / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            build(dest)
            done.touch()
    return dest
