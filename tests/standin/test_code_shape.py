"""The stand-in stays readable: short functions, and ``StandIn`` kept behind its interface.

Read from the source (``ast``), not run: no function in ``standin/`` is over ``LONGEST``
lines, nor is the class that handles a connection (each request gets its own ``Exchange``);
and no code outside the ``StandIn`` class touches one of its underscored members (a request
records through ``record_request``, ``choose_reply``, ``record_completed`` and the like).
Each check is first shown to catch a made-up offender, so it cannot pass by finding nothing.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STANDIN = ROOT / "standin"
# Where code that could reach into a StandIn lives.
CALLERS = ("standin", "tests", "benchmark", "hooks")
LONGEST = 60


def _sources(*folders: str) -> Iterator[tuple[str, ast.Module]]:
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "__pycache__" not in path.parts:
                yield str(path.relative_to(ROOT)), ast.parse(path.read_text(), str(path))


def _is_handler(node: ast.ClassDef) -> bool:
    return any(ast.unparse(base).endswith("RequestHandler") for base in node.bases)


def too_long(name: str, tree: ast.Module) -> list[str]:
    """Functions, and HTTP handler classes, longer than ``LONGEST`` lines."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or (
            isinstance(node, ast.ClassDef) and _is_handler(node)
        ):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > LONGEST:
                found.append(f"{name}:{node.lineno} {node.name} ({length} lines)")
    return found


def private_members(tree: ast.Module, cls: str = "StandIn") -> set[str]:
    """The underscored (not dunder) attributes and methods ``cls`` defines."""
    (body,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls]
    names = set()
    for node in ast.walk(body):
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
    return {n for n in names if n.startswith("_") and not n.endswith("__")}


def reaches_in(name: str, tree: ast.Module, members: set[str], cls: str = "StandIn") -> list[str]:
    """Uses of ``members`` on anything but ``self`` or ``cls``, outside the class ``cls``."""
    inside = {
        id(n)
        for c in tree.body
        if isinstance(c, ast.ClassDef) and c.name == cls
        for n in ast.walk(c)
    }
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in members
            and id(node) not in inside
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ):
            found.append(f"{name}:{node.lineno} {ast.unparse(node)}")
    return found


OFFENDER = """
class StandIn:
    def __init__(self):
        self._lock = object()

    def _choose(self):
        return self._lock


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        with self.owner._lock:
            self.owner._choose()
""" + "\n".join(f"        x = {i}" for i in range(LONGEST))


def test_the_checks_catch_an_offender() -> None:
    tree = ast.parse(OFFENDER)
    members = private_members(tree)
    assert members == {"_lock", "_choose"}
    assert reaches_in("offender", tree, members) == [
        "offender:12 self.owner._lock",
        "offender:13 self.owner._choose",
    ]
    assert [f.split(" ", 1)[1] for f in too_long("offender", tree)] == [
        f"Handler ({LONGEST + 4} lines)",
        f"do_POST ({LONGEST + 3} lines)",
    ]


def test_no_function_in_the_stand_in_is_long() -> None:
    found = [line for name, tree in _sources("standin") for line in too_long(name, tree)]
    assert not found, f"over {LONGEST} lines: split them\n" + "\n".join(found)


def test_nothing_outside_standin_touches_its_private_members() -> None:
    members = private_members(ast.parse((STANDIN / "server.py").read_text()))
    assert {"_lock", "_stopping", "_stream_ended"} <= members  # what a request used to reach
    found = [line for name, tree in _sources(*CALLERS) for line in reaches_in(name, tree, members)]
    assert not found, "use StandIn's recording interface instead:\n" + "\n".join(found)
