"""Interrupting a cell blocked in get(), join(), acquire(), recv(), await(), a pool future, sleep or a CPU-bound
loop: the cell must end (with an error) within 1 s of the interrupt request, and the kernel must answer the next
cell. Figures: interrupt_trials, interrupt_slow (slower than 1 s, not ended, or kernel unusable after),
interrupt_max_ms, interrupt_collateral (children and pools of earlier cells harmed by the interrupts of later
cells: the default mode signals only the interrupted cell's children).
"""

import time
from queue import Empty

from rel_common import figure, finding, jproc_client, progress

LIMIT_S = 1.0

# The kernel's interrupt sends SIGINT to the children the interrupted cell started (as a terminal's Ctrl-C reaches
# the program it stops); children of the trial cells ignore it, since this part measures how fast the blocked call
# itself returns. The set-up cell's bystander and pool must survive every trial.
SETUP = (
    'var iq = Mp.queue("int-q"); var ipipe = Mp.pipe("int-p"); var iev = Mp.event("int-e"); '
    'var isem = Mp.semaphore("int-s", 0); var ilock = Mp.lock("int-l"); '
    'var ihold = Mp.process("int-holder", () -> { jproc.process.ChildProcess.onSignal("INT", () -> { }); '
    'ilock.acquire(); try { Thread.sleep(600_000); } catch (InterruptedException e) { } }); ihold.start(); '
    'while (!ilock.isLocked()) Thread.sleep(10); '
    'var ipool = Mp.pool(1); '
    'var ibystander = Mp.process("int-bystander", () -> { while (true) { try { Thread.sleep(1000); } '
    'catch (InterruptedException e) { } } }); ibystander.start();'
)

CASES = [
    ("queue_get", 'iq.get();'),
    ("child_join", 'var iforever = Mp.process("int-forever", () -> { jproc.process.ChildProcess.onSignal("INT", '
                   '() -> { }); while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } }); '
                   'iforever.start(); iforever.join();'),
    ("lock_acquire", 'ilock.acquire();'),
    ("cpu_loop", 'while (true) { }'),
    ("cpu_loop_with_work", 'long n = 0; while (true) { n += System.nanoTime() % 7; }'),
    ("thread_sleep", 'Thread.sleep(600_000);'),
    ("pipe_recv", 'ipipe.left().recv();'),
    ("event_await", 'iev.await();'),
    ("semaphore_acquire", 'isem.acquire();'),
    ("barrier_await", 'var ibar = Mp.barrier("int-b-" + System.nanoTime(), 2); ibar.await();'),
    ("pool_future_get", 'var ipool2 = Mp.pool(1); ipool2.submit(() -> { jproc.process.ChildProcess.onSignal("INT", '
                        '() -> { }); Thread.sleep(600_000); return 1; }).get();'),
    ("object_wait", 'var imon = new Object(); synchronized (imon) { imon.wait(); }'),
]


def trial(km, kc, name, code):
    """Returns (ok, seconds, why)."""
    msg_id = kc.execute(code, allow_stdin=False, store_history=True)
    busy_deadline = time.monotonic() + 10
    busy = False
    while time.monotonic() < busy_deadline and not busy:
        try:
            m = kc.get_iopub_msg(timeout=0.1)
        except Empty:
            continue
        if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                and m["content"]["execution_state"] == "busy"):
            busy = True
    settle = time.monotonic() + 0.7  # let the cell reach its blocking call; it must still run after that
    while time.monotonic() < settle:
        try:
            m = kc.get_iopub_msg(timeout=0.05)
        except Empty:
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "error":
            early = m["content"]
            return False, None, "the cell ended by itself before the interrupt: %s: %s" % (
                early.get("ename"), early.get("evalue"))
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return False, None, "the cell ended by itself before the interrupt"
    t0 = time.monotonic()
    km.interrupt_kernel()
    reply = None
    idle_at = None
    ename = None
    deadline = t0 + 10
    while time.monotonic() < deadline and (reply is None or idle_at is None):
        try:
            m = kc.get_iopub_msg(timeout=0.02)
            if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "error":
                ename = m["content"].get("ename")
            if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                    and m["content"]["execution_state"] == "idle"):
                idle_at = time.monotonic()
        except Empty:
            pass
        try:
            r = kc.get_shell_msg(timeout=0.001)
            if r["parent_header"].get("msg_id") == msg_id:
                reply = r
        except Empty:
            pass
    if idle_at is None:
        return False, None, "the cell did not end within 10 s of the interrupt"
    seconds = idle_at - t0
    why = []
    if seconds > LIMIT_S:
        why.append("ended %.2f s after the interrupt (limit %.1f s)" % (seconds, LIMIT_S))
    if reply is None or reply["content"]["status"] != "error":
        why.append("the interrupted cell did not end with an error (reply %s)" % (
            reply and reply["content"].get("status")))
    elif ename is None or "interrupt" not in ename.lower():
        why.append("the cell ended with %s, not an interruption" % ename)
    after = jproc_client.execute(kc, "1 + 1", timeout=10)
    if (after.result or {}).get("text/plain") != "2":
        why.append("the next cell did not answer 1 + 1: %s" % after)
    return not why, seconds, "; ".join(why)


def run(env, log, figures, rounds):
    with jproc_client.running_kernel(env, log=log) as (km, kc):
        setup = jproc_client.execute(kc, SETUP, timeout=60)
        if setup.status != "ok":
            finding("interrupt", "set-up failed: %s" % setup)
        worst = 0.0
        for _ in range(rounds):
            for name, code in CASES:
                figures["interrupt_trials"] = figures.get("interrupt_trials", 0) + 1
                try:
                    ok, seconds, why = trial(km, kc, name, code)
                except Exception as e:  # noqa: BLE001
                    ok, seconds, why = False, None, "the trial failed: %s" % e
                if seconds is not None:
                    worst = max(worst, seconds)
                progress("interrupt %s: %s" % (name, "%.3f s" % seconds if seconds is not None else "no end"))
                if not ok:
                    figures["interrupt_slow"] = figures.get("interrupt_slow", 0) + 1
                    finding("interrupt " + name, why)
                    if not km.is_alive():
                        finding("interrupt", "the kernel died; the remaining interrupt trials are skipped")
                        return
        figures["interrupt_max_ms"] = max(figures.get("interrupt_max_ms", 0), int(worst * 1000))
        collateral = 0
        after = jproc_client.execute(kc, "ipool.submit(() -> 7).get()", timeout=30)
        if (after.result or {}).get("text/plain") != "7":
            collateral += 1
            finding("interrupt_collateral", "a pool created in an earlier cell is broken after the interrupts of "
                    "other cells: %s" % " ".join(str(after.error or after.reply["content"]).split())[:400])
        alive = jproc_client.execute(kc, "ibystander.isAlive() + \" \" + ibystander.exitCode()", timeout=30)
        if not (alive.result or {}).get("text/plain", "").strip('"').startswith("true"):
            collateral += 1
            finding("interrupt_collateral", "a child started by an earlier cell did not survive the interrupts of "
                    "other cells: %s" % (alive.result or alive.error))
        figures["interrupt_collateral"] = figures.get("interrupt_collateral", 0) + collateral
        jproc_client.execute(kc, "ibystander.kill(); ipool.close();", timeout=30)
        figures.setdefault("interrupt_slow", 0)
