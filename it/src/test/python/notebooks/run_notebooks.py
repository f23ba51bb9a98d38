#!/usr/bin/python3
"""Runs notebooks top to bottom with nbclient against an installed kernel and writes what they printed.

For every notebook given on the command line this script
  * executes it headless (per-cell timeout, errors recorded rather than fatal),
  * writes the executed notebook to OUT_DIR/<name>.ipynb,
  * writes a plain-text transcript to OUT_DIR/<name>.txt, one section per cell:

        #### cell <cell id> <code|markdown> <elapsed ms>
        ---- stdout
        ...text...
        ---- stderr
        ...text...
        ---- result text/plain
        ...
        ---- display image/svg+xml text/plain
        ...the text/plain part, then the SVG if any...
        ---- error <ename>: <evalue>
        ...traceback...

  * prints one summary line per notebook: NOTEBOOK <name> seconds=<s> cells=<n> errors=<n>
    and at the end: NOTEBOOKS total_seconds=<s>.

The Java integration tests parse the transcript and assert what each cell printed. Kernel discovery follows
the usual JUPYTER_PATH / JUPYTER_DATA_DIR environment variables set by the caller.

Exit status: 0 when every notebook ran (cells with errors still give 0, the transcript says so), 2 on a
usage error, 3 when the kernel could not be started or a cell timed out.
"""

import argparse
import os
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError


def _text(value):
    if isinstance(value, list):
        return "".join(value)
    return value if value is not None else ""


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _merge_streams(outputs):
    """Joins consecutive stream outputs of the same stream, as a notebook front end shows them."""
    merged = []
    for out in outputs:
        if (out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == out.get("name")):
            merged[-1] = {"output_type": "stream", "name": out.get("name"),
                          "text": _text(merged[-1].get("text")) + _text(out.get("text"))}
        else:
            merged.append(out)
    return merged


def transcript(nb, elapsed):
    """The plain-text transcript of an executed notebook (see the module docstring)."""
    lines = []
    for index, cell in enumerate(nb.cells):
        cid = cell.get("id") or f"cell{index}"
        lines.append(f"#### cell {cid} {cell.cell_type} {elapsed.get(index, 0)}")
        if cell.cell_type != "code":
            continue
        for out in _merge_streams(cell.get("outputs", [])):
            kind = out.get("output_type")
            if kind == "stream":
                lines.append(f"---- {out.get('name', 'stdout')}")
                lines.append(_text(out.get("text")).rstrip("\n"))
            elif kind in ("execute_result", "display_data"):
                data = out.get("data", {})
                label = "result" if kind == "execute_result" else "display"
                lines.append(f"---- {label} {' '.join(sorted(data))}")
                if "text/plain" in data:
                    lines.append(_text(data["text/plain"]).rstrip("\n"))
                for mime in ("text/html", "text/markdown", "image/svg+xml"):
                    if mime in data:
                        lines.append(f"---- {label}-{mime}")
                        lines.append(_text(data[mime]).rstrip("\n"))
            elif kind == "error":
                lines.append(f"---- error {out.get('ename')}: {out.get('evalue')}")
                lines.append(_ANSI.sub("", "\n".join(out.get("traceback", []))))
    return "\n".join(lines) + "\n"


class TimedClient(NotebookClient):
    """A NotebookClient that remembers how long each cell took."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.elapsed = {}

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        start = time.monotonic()
        try:
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        finally:
            self.elapsed[cell_index] = int((time.monotonic() - start) * 1000)


def run_one(path, out_dir, kernel, cell_timeout, startup_timeout):
    nb = nbformat.read(path, as_version=4)
    name = os.path.splitext(os.path.basename(path))[0]
    client = TimedClient(
        nb,
        kernel_name=kernel,
        timeout=cell_timeout,
        startup_timeout=startup_timeout,
        allow_errors=True,
        record_timing=True,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    start = time.monotonic()
    status = 0
    try:
        client.execute()
    except (CellTimeoutError, DeadKernelError, RuntimeError, TimeoutError) as e:
        print(f"NOTEBOOK-FAILED {name} {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}",
              flush=True)
        status = 3
    seconds = time.monotonic() - start
    os.makedirs(out_dir, exist_ok=True)
    nbformat.write(nb, os.path.join(out_dir, name + ".ipynb"))
    with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
        f.write(transcript(nb, client.elapsed))
    errors = sum(1 for c in nb.cells if c.cell_type == "code"
                 for o in c.get("outputs", []) if o.get("output_type") == "error")
    print(f"NOTEBOOK {name} seconds={seconds:.1f} cells={len(nb.cells)} errors={errors}", flush=True)
    return status, seconds


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", help="notebook files to run, in order")
    parser.add_argument("--out", required=True, help="directory for executed notebooks and transcripts")
    parser.add_argument("--kernel", default="jproc", help="kernelspec name (default jproc)")
    parser.add_argument("--cell-timeout", type=int, default=120, help="seconds one cell may take")
    parser.add_argument("--startup-timeout", type=int, default=60, help="seconds the kernel may take to start")
    args = parser.parse_args(argv)
    worst = 0
    total = 0.0
    for path in args.notebooks:
        status, seconds = run_one(path, args.out, args.kernel, args.cell_timeout, args.startup_timeout)
        worst = max(worst, status)
        total += seconds
    print(f"NOTEBOOKS total_seconds={total:.1f}", flush=True)
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
