"""Kernel killed (SIGKILL), restarted or shut down while children run and channels are open: afterwards no
process of its session may run and no file of its session may remain.

Figures: kernel_<mode>_orphans, kernel_<mode>_leaked_files, kernel_<mode>_trials, kernel_<mode>_cleanup_ms for
mode in kill, restart, shutdown; the file-mode checks of the kernel's files and sockets (file_modes_checked,
file_modes_bad, non_loopback_listeners).
"""

import os
import signal
import time

from rel_common import (alive, descendants, figure, finding, jproc_client, kill_quietly, mode_problem, progress,
                        remove_quietly, session_files, session_of, session_pids, tcp_listeners, unix_socket_paths,
                        wait_until, is_loopback)

CLEANUP_SECONDS = 10

SETUP = [
    'var rq = Mp.queue("rel-q"); var rp = Mp.pipe("rel-p"); var rv = Mp.value("rel-v", 0); '
    'var rl = Mp.lock("rel-l"); var rs = Mp.semaphore("rel-s", 1); var big = Mp.queue("rel-big");',
    'big.put(new byte[600_000]);',
    'var sleeper = Mp.process("sleeper", () -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }); '
    'var getter = Mp.process("getter", () -> rq.get()); '
    'var holder = Mp.process("holder", () -> { rl.acquire(); try { Thread.sleep(600_000); } '
    'catch (InterruptedException e) { } }); sleeper.start(); getter.start(); holder.start();',
    '%%spawn spawned\ntry { Thread.sleep(600_000); } catch (InterruptedException e) { }',
    'var pool = Mp.pool(2); pool.submit(() -> 1).get()',
]
EXPECTED_CHILDREN = 6  # sleeper, getter, holder, spawned, two pool workers


def start(env, log):
    km = jproc_client.kernel_manager(env)
    with jproc_client.patched_environ(env):
        km.start_kernel(env=env, stderr=log)
    kc = jproc_client.blocking_client(km)
    kc.wait_for_ready(timeout=60)
    jproc_client.wait_for_iopub(kc)
    return km, kc


def populate(kc):
    for code in SETUP:
        run = jproc_client.execute(kc, code, timeout=60)
        if run.status != "ok":
            raise jproc_client.KernelTestError("set-up cell failed", run)


def check_modes(kpid, session, figures):
    """Owner-only modes of the session's files and of the Unix sockets the kernel and its children hold; TCP
    listeners on loopback only."""
    pids = [kpid] + session_pids(session)
    paths = session_files(session) + unix_socket_paths(pids)
    bad = 0
    for p in paths:
        why = mode_problem(p)
        if why:
            bad += 1
            finding("file modes", "%s: %s" % (p, why))
    listeners = [(a, port) for (a, port) in tcp_listeners(pids) if not is_loopback(a)]
    for a, port in listeners:
        finding("loopback", "a process of the kernel's session listens on %s:%d" % (a, port))
    figures["file_modes_checked"] = figures.get("file_modes_checked", 0) + len(paths)
    figures["file_modes_bad"] = figures.get("file_modes_bad", 0) + bad
    figures["non_loopback_listeners"] = figures.get("non_loopback_listeners", 0) + len(listeners)


def trial(env, mode, log, figures):
    km, kc = start(env, log)
    kpid = jproc_client.kernel_pid(km)
    try:
        session = session_of(kc)
        populate(kc)
        wait_until(lambda: len(session_pids(session)) >= EXPECTED_CHILDREN, 20)
        before = sorted(set(session_pids(session)) | set(descendants(kpid)))
        files = session_files(session)
        if len(before) < EXPECTED_CHILDREN:
            finding("kernel " + mode, "only %d processes of the session were found before the %s (expected at least "
                    "%d)" % (len(before), mode, EXPECTED_CHILDREN))
        check_modes(kpid, session, figures)
        progress("kernel %s: session %s, %d processes, %d files" % (mode, session, len(before), len(files)))
        t0 = time.monotonic()
        if mode == "kill":
            os.kill(kpid, signal.SIGKILL)
        elif mode == "restart":
            km.restart_kernel(now=False)
        else:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
        old = [p for p in before if p != kpid] + [kpid]
        wait_until(lambda: not alive(old) and not session_files(session), CLEANUP_SECONDS)
        ms = int((time.monotonic() - t0) * 1000)
        orphans = alive(old)
        leaked = session_files(session)
        figures["kernel_%s_trials" % mode] = figures.get("kernel_%s_trials" % mode, 0) + 1
        figures["kernel_%s_orphans" % mode] = figures.get("kernel_%s_orphans" % mode, 0) + len(orphans)
        figures["kernel_%s_leaked_files" % mode] = figures.get("kernel_%s_leaked_files" % mode, 0) + len(leaked)
        figures["kernel_%s_cleanup_ms" % mode] = max(figures.get("kernel_%s_cleanup_ms" % mode, 0), ms)
        if orphans:
            finding("kernel " + mode, "%d process(es) of session %s still run %d s after the %s: %s" % (
                len(orphans), session, CLEANUP_SECONDS, mode, describe(orphans)))
        if leaked:
            finding("kernel " + mode, "%d file(s) of session %s remain %d s after the %s: %s" % (
                len(leaked), session, CLEANUP_SECONDS, mode, [os.path.basename(f) for f in leaked][:12]))
        kill_quietly(orphans)
        remove_quietly(leaked)
        if mode == "restart":
            check_restarted(kc, session, figures)
    finally:
        try:
            kc.stop_channels()
        except Exception:  # noqa: BLE001 - best effort
            pass
        try:
            if km.is_alive():
                km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001
            pass
        try:
            km.cleanup_resources()
        except Exception:  # noqa: BLE001
            pass


def check_restarted(kc, session, figures):
    """The restarted kernel answers a cell, in a new session. Uses the same client, as a frontend does: its sockets
    reconnect to the new kernel (a second client of the same manager would share its zmq identity, and the kernel's
    ROUTER sockets would keep answering the first one)."""
    try:
        kc.wait_for_ready(timeout=60)
        jproc_client.wait_for_iopub(kc)
        run = jproc_client.execute(kc, "1 + 1", timeout=30)
        if (run.result or {}).get("text/plain") != "2":
            raise jproc_client.KernelTestError("it does not answer 1 + 1", run)
        if session_of(kc) == session:
            finding("kernel restart", "the restarted kernel kept the old session id %s" % session)
    except Exception as e:  # noqa: BLE001
        figures["kernel_restart_unusable"] = figures.get("kernel_restart_unusable", 0) + 1
        finding("kernel restart", "the restarted kernel is not usable: %s" % " ".join(str(e).split())[:800])


def describe(pids):
    out = []
    for p in pids:
        try:
            with open("/proc/%d/cmdline" % p, "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            cmd = "?"
        out.append("%d %s" % (p, cmd[-120:]))
    return out


def run(env, log, figures, rounds):
    for mode in ("kill", "restart", "shutdown"):
        for _ in range(rounds):
            try:
                trial(env, mode, log, figures)
            except Exception as e:  # noqa: BLE001 - a failed trial is a finding, the others still run
                figures["kernel_suite_errors"] = figures.get("kernel_suite_errors", 0) + 1
                finding("kernel " + mode, "the trial failed: %s" % " ".join(str(e).split())[:1500])
