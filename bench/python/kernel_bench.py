#!/usr/bin/python3
"""Kernel benchmark: JProc against Debian's ipykernel, side by side in one run, both driven by jupyter_client.

    /usr/bin/python3 bench/python/kernel_bench.py [--jar install/target/jproc-kernel.jar] [--cells 200]

Prints:
    BENCH cell_rtt_ms <median> ms peer=<ipykernel median> ratio=<peer/ours> p99=<ours p99> peer_p99=<ipykernel p99>
    BENCH kernel_start_ms <ours> ms peer=<ipykernel> ratio=<peer/ours>

cell_rtt_ms: a trivial cell (an assignment, no output: `x = 1;` in Java, `x = 1` in Python), from sending
execute_request to receiving the idle status of that request; 20 warm-up cells, then 200 measured.
kernel_start_ms: from starting the kernel process to the first kernel_info_reply; median of 3 starts.
The kernelspec is installed into a temporary Jupyter data dir; the user's kernelspecs are not touched.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "it", "src", "test",
                                "python"))
from jproc_client import (blocking_client, installed_kernelspec, kernel_manager, patched_environ,  # noqa: E402
                          wait_for_iopub)

PEER = "bench-ipykernel"


def add_ipykernel_spec(env):
    """ipykernel with Debian's python (the python3 on PATH may lack it)."""
    d = os.path.join(env["JUPYTER_DATA_DIR"], "kernels", PEER)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "kernel.json"), "w") as f:
        json.dump({"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                   "display_name": "ipykernel (benchmark peer)", "language": "python"}, f)


def start(env, name):
    km = kernel_manager(env, name)
    t0 = time.perf_counter()
    with patched_environ(env):
        km.start_kernel(env=env, stderr=open(os.devnull, "w"))
    kc = blocking_client(km)
    kc.kernel_info()
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["msg_type"] == "kernel_info_reply":
            break
    return km, kc, (time.perf_counter() - t0) * 1000


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def cell(kc, code):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                and m["content"]["execution_state"] == "idle"):
            break
    elapsed = (time.perf_counter() - t0) * 1000
    while kc.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
        pass
    return elapsed


def p99(values):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(0.99 * (len(s) - 1))))]


def measure_cells(env, name, setup, code, warmup, cells):
    km, kc, _ = start(env, name)
    try:
        wait_for_iopub(kc)
        if setup:
            cell(kc, setup)
        for _ in range(warmup):
            cell(kc, code)
        times = [cell(kc, code) for _ in range(cells)]
    finally:
        stop(km, kc)
    return statistics.median(times), p99(times)


def measure_start(env, name, runs):
    times = []
    for _ in range(runs):
        km, kc, ms = start(env, name)
        times.append(ms)
        stop(km, kc)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar")
    ap.add_argument("--cells", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--starts", type=int, default=3)
    args = ap.parse_args()
    with installed_kernelspec(args.jar) as env:
        add_ipykernel_spec(env)
        ours_start = measure_start(env, "jproc", args.starts)
        peer_start = measure_start(env, PEER, args.starts)
        ours, ours_p99 = measure_cells(env, "jproc", "int x = 0;", "x = 1;", args.warmup, args.cells)
        peer, peer_p99 = measure_cells(env, PEER, None, "x = 1", args.warmup, args.cells)
    print("BENCH cell_rtt_ms %.2f ms peer=%.2f ratio=%.2f p99=%.2f peer_p99=%.2f"
          % (ours, peer, peer / ours, ours_p99, peer_p99))
    print("BENCH kernel_start_ms %.0f ms peer=%.0f ratio=%.2f" % (ours_start, peer_start, peer_start / ours_start))


if __name__ == "__main__":
    main()
