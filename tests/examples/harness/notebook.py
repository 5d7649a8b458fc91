"""Run a notebook on a real Jupyter kernel and print what each code cell showed.

``python -m tests.examples.harness.notebook NOTEBOOK --kernel-python PYTHON`` executes the
notebook's cells in order with ``nbclient`` on an ``ipykernel`` started by ``PYTHON`` (an
example Python, whose environment holds only what a reader installs), the way Jupyter runs
them: one kernel, one event loop already running, top-level ``await`` allowed. The kernel spec
lives in a temporary directory named by ``JUPYTER_PATH``, and every other Jupyter and IPython
directory is a temporary one too, so nothing is registered in the user's home.

It prints each code cell's outputs between snippet section markers named after the cell's id
(``--8<-- [start:<id>]``), so a page includes one cell's output with ``file:<id>``. Streams are
printed as they were written, an error as its last traceback line (``RuntimeError: ...``),
and a display as its richest text form (Markdown before plain text), after every update the
cell made to it: what the notebook shows once the cell has finished. It also writes
``notebook-run.json`` in the working directory: per cell, how many times a display was
updated in place and how many pieces of printed output reached the notebook, so a test can
tell an updated display from one shown once, and text that arrived piece by piece from text
printed all at the end.

A cell tagged ``raises-exception`` may raise, as in Jupyter; any other cell that raises
stops the run with exit status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNEL_NAME = "example-python"
REPORT = "notebook-run.json"
RICH_TEXT = ("text/markdown", "text/plain")


class CountingClient(NotebookClient):
    """A notebook client that counts, per cell, the in-place display updates and the pieces of
    printed output (``stream`` messages) the kernel sent."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.updates: dict[str, int] = {}
        self.prints: dict[str, int] = {}

    def process_message(self, msg: dict[str, Any], cell: Any, cell_index: int) -> Any:
        kind = msg.get("msg_type")
        counts = {"update_display_data": self.updates, "stream": self.prints}.get(kind or "")
        if counts is not None:
            key = cell.get("id") or str(cell_index)
            counts[key] = counts.get(key, 0) + 1
        return super().process_message(msg, cell, cell_index)


def kernel_home(python: str, where: Path) -> dict[str, str]:
    """Write a kernel spec for ``python`` under ``where`` and return the environment that
    makes Jupyter find it there, and keep its own files there too."""
    spec = where / "kernels" / KERNEL_NAME
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": f"Python ({python})",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    return {
        "JUPYTER_PATH": str(where),
        "JUPYTER_DATA_DIR": str(where / "data"),
        "JUPYTER_CONFIG_DIR": str(where / "config"),
        "JUPYTER_RUNTIME_DIR": str(where / "runtime"),
        "IPYTHONDIR": str(where / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "1",
    }


def shown(output: dict[str, Any]) -> str:
    """The text a notebook shows for one output."""
    kind = output["output_type"]
    if kind == "stream":
        return output["text"]
    if kind == "error":
        return f"{output['ename']}: {output['evalue']}\n"
    data = output.get("data", {})
    for mime in RICH_TEXT:
        if mime in data:
            text = data[mime]
            text = "".join(text) if isinstance(text, list) else text
            return text if text.endswith("\n") else text + "\n"
    return f"[{', '.join(sorted(data))}]\n"


def report(notebook: nbformat.NotebookNode) -> str:
    parts = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        name = cell.get("id") or f"cell-{index}"
        body = "".join(shown(o) for o in cell.outputs)
        parts.append(f"--8<-- [start:{name}]\n{body}--8<-- [end:{name}]\n")
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--kernel-python", default=sys.executable)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per cell")
    args = parser.parse_args(argv)
    notebook = nbformat.read(args.notebook, as_version=4)
    with tempfile.TemporaryDirectory(prefix="jupyter-") as home:
        os.environ.update(kernel_home(args.kernel_python, Path(home)))
        client = CountingClient(
            notebook,
            kernel_name=KERNEL_NAME,
            timeout=args.timeout,
            resources={"metadata": {"path": os.getcwd()}},
        )
        try:
            client.execute()
        except CellExecutionError as failure:
            sys.stdout.write(report(notebook))
            print(str(failure).strip().splitlines()[-1], file=sys.stderr)
            return 1
    counts = {"display_updates": client.updates, "printed_pieces": client.prints}
    Path(REPORT).write_text(json.dumps(counts), encoding="utf-8")
    sys.stdout.write(report(notebook))
    return 0


if __name__ == "__main__":
    sys.exit(main())
