#!/usr/bin/python3
"""Channel figures of Python 3.11 multiprocessing (fork), the peer of jproc.bench.ChannelBench.

Prints one JSON object: queue_msgs_per_s, queue_mpmc_msgs_per_s, pipe_rtt_median_us, pipe_rtt_p99_us,
locked_counter_incr_per_s (queue and pipe figures: median of REPS repetitions, default 3). Measured the same
way as the Java side:
  queue 1->1     100 000 ints from one child to the parent, from the first item to the last
  queue mpmc     4 producer processes x 50 000 ints, 2 consumer processes, from the first producer's start
                 to the last consumer's last item
  pipe rtt       10 000 ping-pongs with an echoing child, each round trip timed
  idle get       CPU of a child blocked 10 s in Queue.get(timeout=10) on an empty queue, percent of a core
  locked counter 4 processes x 10 000 increments of Value('i') under its lock per round, median of 11 rounds
                 in the same processes; each round the workers wait at a gate yielding their core
                 (os.sched_yield) and are released together, timed from the first start to the last end
"""
import json
import multiprocessing as mp
import os
import statistics
import sys
import time


def _produce(q, n, base):
    for i in range(n):
        q.put(base + i)


def queue_one_to_one(n=100_000):
    q = mp.Queue()
    p = mp.Process(target=_produce, args=(q, n, 0))
    p.start()
    q.get()
    t0 = time.perf_counter()
    for _ in range(n - 1):
        q.get()
    dt = time.perf_counter() - t0
    p.join()
    return (n - 1) / dt


def _mpmc_producer(q, n, base, go, starts):
    go.wait()
    starts.put(time.perf_counter())
    _produce(q, n, base)


def _mpmc_consumer(q, ends):
    last = None
    count = 0
    while True:
        v = q.get()
        if v is None:
            break
        count += 1
        last = time.perf_counter()
    ends.put((count, last))


def queue_mpmc(per_producer=50_000, producers=4, consumers=2):
    q, starts, ends, go = mp.Queue(), mp.Queue(), mp.Queue(), mp.Event()
    ps = [mp.Process(target=_mpmc_producer, args=(q, per_producer, k * per_producer, go, starts))
          for k in range(producers)]
    cs = [mp.Process(target=_mpmc_consumer, args=(q, ends)) for _ in range(consumers)]
    for p in ps + cs:
        p.start()
    time.sleep(0.2)
    go.set()
    for p in ps:
        p.join()
    for _ in cs:
        q.put(None)
    results = [ends.get() for _ in cs]
    for c in cs:
        c.join()
    first = min(starts.get() for _ in ps)
    total = sum(r[0] for r in results)
    last = max(r[1] for r in results if r[1] is not None)
    assert total == per_producer * producers, total
    return total / (last - first)


def _echo(conn):
    while True:
        m = conn.recv()
        if m is None:
            break
        conn.send(m)


def pipe_rtt(n=10_000, warm=1_000):
    a, b = mp.Pipe()
    p = mp.Process(target=_echo, args=(b,))
    p.start()
    for i in range(warm):
        a.send(i)
        a.recv()
    lat = []
    for i in range(n):
        t0 = time.perf_counter_ns()
        a.send(i)
        a.recv()
        lat.append(time.perf_counter_ns() - t0)
    a.send(None)
    p.join()
    lat.sort()
    return lat[len(lat) // 2] / 1000.0, lat[len(lat) * 99 // 100] / 1000.0


def _increments(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1


def _count(v, n, rounds, wid, ctl, times):
    armed, opened, ready, done = ctl
    _increments(mp.Value('i', 0), n)  # warm-up on a private value, as the JVM workers do
    for r in range(rounds):
        while armed.value < r + 1:
            time.sleep(0.0002)
        ready[wid] = r + 1
        while opened.value < r + 1:
            os.sched_yield()
        t0 = time.perf_counter()
        _increments(v, n)
        times[2 * wid], times[2 * wid + 1] = t0, time.perf_counter()
        done[wid] = r + 1


def _await_all(flags, r):
    while min(flags) < r + 1:
        time.sleep(0.001)


def locked_counter(procs=4, n=10_000, rounds=11):
    """Median over rounds; each round releases the workers together through a yielding gate."""
    v = mp.Value('i', 0)
    ctl = (mp.RawValue('q', 0), mp.RawValue('q', 0), mp.RawArray('q', procs), mp.RawArray('q', procs))
    times = mp.RawArray('d', 2 * procs)
    ps = [mp.Process(target=_count, args=(v, n, rounds, k, ctl, times)) for k in range(procs)]
    for p in ps:
        p.start()
    rates = []
    for r in range(rounds):
        ctl[0].value = r + 1
        _await_all(ctl[2], r)
        time.sleep(0.005)
        ctl[1].value = r + 1
        _await_all(ctl[3], r)
        assert v.value == procs * n * (r + 1), (v.value, r)
        starts, ends = times[0::2], times[1::2]
        rates.append(procs * n / (max(ends) - min(starts)))
    for p in ps:
        p.join()
    return statistics.median(rates)


def _idle_get(q, seconds, out):
    from queue import Empty
    c0 = time.process_time()
    t0 = time.perf_counter()
    try:
        q.get(timeout=seconds)
    except Empty:
        pass
    out.put((time.process_time() - c0) * 100 / (time.perf_counter() - t0))


def idle_get_cpu(seconds=10):
    """CPU of a child blocked in Queue.get(timeout=seconds) on an empty queue, percent of a core."""
    q, out = mp.Queue(), mp.Queue()
    p = mp.Process(target=_idle_get, args=(q, seconds, out))
    p.start()
    pct = out.get()
    p.join()
    return pct


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    mp.set_start_method("fork")
    figures = {"queue_msgs_per_s": [], "queue_mpmc_msgs_per_s": [], "pipe_rtt_median_us": [],
               "pipe_rtt_p99_us": [], "locked_counter_incr_per_s": []}
    for _ in range(reps):
        figures["queue_msgs_per_s"].append(queue_one_to_one())
        figures["queue_mpmc_msgs_per_s"].append(queue_mpmc())
        median, p99 = pipe_rtt()
        figures["pipe_rtt_median_us"].append(median)
        figures["pipe_rtt_p99_us"].append(p99)
    figures["locked_counter_incr_per_s"].append(locked_counter())
    figures["idle_get_cpu_pct"] = [idle_get_cpu()]
    print(json.dumps({k: statistics.median(v) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
