#!/usr/bin/python3
"""The kernel parts of the JProc reliability suite, run with Debian's jupyter_client against the installed kernel
(the shaded jar, its kernelspec installed into a temporary Jupyter data dir).

    /usr/bin/python3 bench/python/reliability/kernel_reliability.py [--jar PATH] [--long] [--only PARTS]

Parts: lifecycle (kernel killed, restarted, shut down: orphans, leaked files, file modes), interrupts, fuzz
(protocol), magics (bad magic input), pitfalls (notebook pitfalls). Prints `FIGURE <name> <value>` and
`FINDING <area>: <text>` lines (see rel_common). Exit status 0 unless the script itself failed.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bad_magics  # noqa: E402
import fuzz  # noqa: E402
import interrupts  # noqa: E402
import kernel_pitfalls  # noqa: E402
import lifecycle  # noqa: E402
from rel_common import REPO, figure, finding, jproc_client, progress  # noqa: E402

PARTS = ["lifecycle", "interrupts", "fuzz", "magics", "pitfalls"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", default=None, help="the kernel jar (default install/target/jproc-kernel.jar)")
    ap.add_argument("--long", action="store_true", help="more trials")
    ap.add_argument("--only", default=",".join(PARTS), help="comma-separated parts: " + ",".join(PARTS))
    ap.add_argument("--log", default=None, help="file for the kernels' stderr (default: "
                    "bench/target/reliability/kernels.log)")
    args = ap.parse_args()
    parts = [p for p in args.only.split(",") if p]
    for p in parts:
        if p not in PARTS:
            ap.error("unknown part %r: use %s" % (p, ",".join(PARTS)))
    jar = args.jar or jproc_client.DEFAULT_JAR
    if not os.path.isfile(jar):
        finding("kernel", "the kernel jar %s is missing: build it with `mvn -q install -DskipTests`" % jar)
        figure("kernel_suite_errors", 1)
        return 0
    figures = {}
    log_path = args.log or os.path.join(REPO, "bench", "target", "reliability", "kernels.log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    rounds = 3 if args.long else 1
    with open(log_path, "ab") as log, jproc_client.installed_kernelspec(jar) as env:
        for part in parts:
            t0 = time.monotonic()
            progress("kernel part %s ..." % part)
            try:
                if part == "lifecycle":
                    lifecycle.run(env, log, figures, rounds)
                elif part == "interrupts":
                    interrupts.run(env, log, figures, rounds)
                elif part == "fuzz":
                    fuzz.run(env, log, figures, args.long)
                elif part == "magics":
                    bad_magics.run(env, log, figures)
                elif part == "pitfalls":
                    kernel_pitfalls.run(env, log, figures)
            except Exception as e:  # noqa: BLE001 - one part's failure must not hide the others' figures
                figures["kernel_suite_errors"] = figures.get("kernel_suite_errors", 0) + 1
                finding("kernel " + part, "the part stopped: %s" % " ".join(str(e).split())[:1500])
            progress("kernel part %s done in %.1f s" % (part, time.monotonic() - t0))
    for name, value in figures.items():
        figure(name, value)
    progress("kernel log: " + log_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
