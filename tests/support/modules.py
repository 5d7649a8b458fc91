"""Import a Python file that is not part of a package: a snippet, or a hook ``mkdocs`` loads.

Snippets and hooks live outside ``tests/`` as plain files, so the tests load the very file a
reader copies (or the build runs) rather than a copy of it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def load_module(path: Path, name: str) -> ModuleType:
    """Execute ``path`` as a fresh module called ``name`` and return it."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path} as a module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
