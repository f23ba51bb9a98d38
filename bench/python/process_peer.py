#!/usr/bin/python3
"""Python multiprocessing figures for jproc.bench.ProcessBench (the peer), printed as one JSON object.

Measured with the start methods fork and spawn:
  first_output_ms  Process.start() -> the child's first line read by the parent (median)
  pool_map_10k_ms  Pool(2).map(f, range(10000)) on a started pool (median)
  child_rss_mb     resident memory of an idle child (median)
Usage: /usr/bin/python3 process_peer.py [repetitions]
"""
import json
import multiprocessing as mp
import os
import statistics
import sys
import time


def _say_ready():
    print("ready", flush=True)


def _sleep_ready():
    print("ready", flush=True)
    time.sleep(30)


def _square(x):
    return x * x


def _read_line(fd):
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 64)
        if not chunk:
            break
        data += chunk
    return data


def _start_with_stdout_pipe(ctx, target):
    """Starts a child whose stdout is a pipe read by this process (as a notebook kernel reads it)."""
    r, w = os.pipe()
    saved = os.dup(1)
    sys.stdout.flush()
    os.dup2(w, 1)
    try:
        p = ctx.Process(target=target)
        p.start()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(w)
    return p, r


def first_output_ms(ctx, reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        p, r = _start_with_stdout_pipe(ctx, _say_ready)
        _read_line(r)
        times.append((time.perf_counter() - t0) * 1000)
        p.join()
        os.close(r)
    return statistics.median(times)


def pool_map_ms(ctx, reps):
    items = range(10000)
    with ctx.Pool(2) as pool:
        for _ in range(5):
            pool.map(_square, items)
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            pool.map(_square, items)
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def child_rss_mb(ctx, reps):
    values = []
    for _ in range(reps):
        p, r = _start_with_stdout_pipe(ctx, _sleep_ready)
        _read_line(r)
        time.sleep(0.3)
        values.append(rss_mb(p.pid))
        p.terminate()
        p.join()
        os.close(r)
    return statistics.median(values)


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    out = {}
    for method in ("fork", "spawn"):
        ctx = mp.get_context(method)
        out[method] = {
            "first_output_ms": first_output_ms(ctx, reps),
            "pool_map_10k_ms": pool_map_ms(ctx, reps),
            "child_rss_mb": child_rss_mb(ctx, 3),
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
