#!/usr/bin/python3
"""Builds the tutorial notebooks (../NN-*.ipynb) from their cell sources (NN-*.cells), without outputs.

A .cells file is plain text. A line starting with three percent signs opens a cell:

    %%% markdown              a Markdown cell
    %%% code some-id          a code cell whose nbformat cell id is `some-id` (tests find cells by id)

Everything up to the next such line is the cell's text (leading and trailing blank lines dropped).

    /usr/bin/python3 notebooks/src/build.py           rewrite every notebook
    /usr/bin/python3 notebooks/src/build.py --check   exit 1 if a notebook differs from its source
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

METADATA = {
    "kernelspec": {"name": "jproc", "display_name": "Java (JProc)", "language": "java"},
    "language_info": {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source",
                      "codemirror_mode": "java"},
}


def parse(path):
    cells, kind, cid, buf = [], None, None, []
    md_count = 0

    def flush():
        nonlocal md_count
        if kind is None:
            return
        text = "\n".join(buf).strip("\n")
        if kind == "markdown":
            md_count += 1
            cells.append({"cell_type": "markdown", "id": f"md-{md_count:02d}", "metadata": {},
                          "source": text})
        else:
            cells.append({"cell_type": "code", "execution_count": None, "id": cid, "metadata": {},
                          "outputs": [], "source": text})

    for number, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if line.startswith("%%% "):
            flush()
            parts = line[4:].split()
            kind = parts[0]
            buf = []
            if kind == "code":
                if len(parts) != 2 or not ID.match(parts[1]):
                    sys.exit(f"{path}:{number}: a code cell needs one id of letters, digits, - and _")
                cid = parts[1]
            elif kind != "markdown":
                sys.exit(f"{path}:{number}: cell kind must be markdown or code, not {kind}")
        elif kind is None:
            if line.strip():
                sys.exit(f"{path}:{number}: text before the first %%% cell marker")
        else:
            buf.append(line)
    flush()
    ids = [c["id"] for c in cells]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit(f"{path}: duplicate cell ids {sorted(dup)}")
    return cells


def to_source_lines(text):
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def render(cells):
    nb = {"cells": [], "metadata": METADATA, "nbformat": 4, "nbformat_minor": 5}
    for c in cells:
        c = dict(c)
        c["source"] = to_source_lines(c["source"])
        nb["cells"].append(c)
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def main(argv):
    check = "--check" in argv
    stale = []
    sources = sorted(glob.glob(os.path.join(HERE, "*.cells")))
    if not sources:
        sys.exit("no .cells sources in " + HERE)
    for src in sources:
        name = os.path.splitext(os.path.basename(src))[0] + ".ipynb"
        target = os.path.join(OUT, name)
        text = render(parse(src))
        old = open(target, encoding="utf-8").read() if os.path.exists(target) else None
        if old == text:
            continue
        if check:
            stale.append(name)
        else:
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote", os.path.relpath(target))
    if stale:
        print("out of date (run notebooks/src/build.py):", " ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
