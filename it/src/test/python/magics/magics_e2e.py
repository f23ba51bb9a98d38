#!/usr/bin/python3
"""End-to-end checks of the JProc magics through Debian's jupyter_client.

Installs the kernelspec into a temporary Jupyter directory and starts the kernel with the shared helpers of
jproc_client.py (`--jar PATH`, default install/target/jproc-kernel.jar), runs the checks named on the command
line (all when none are given) in one kernel, in order, and prints one line per check:

    CHECK <name> PASS <seconds>
    CHECK <name> FAIL <seconds> <one-line reason>
    CHECK <name> SKIP <seconds> <what this build lacks>

then `CHECKS passed=<n> failed=<n>`. Details of failures go to stderr. Exit status: 0 when every check
passed, 1 when some failed, 3 when the kernel could not be started.

Every iopub message is kept with its arrival time and parent msg_id, so a check can ask which cell an output
was attributed to, including output that arrived after that cell had finished.
"""

import argparse
import os
import queue
import re
import sys
import time
import traceback
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import jproc_client  # noqa: E402 - the shared helpers live one directory up

SVG_NS = "{http://www.w3.org/2000/svg}"


class Cell:
    def __init__(self, kernel, msg_id, code):
        self.kernel = kernel
        self.msg_id = msg_id
        self.code = code
        self.reply = None
        self.seconds = 0.0

    def messages(self):
        return [m for (_, m) in self.kernel.log if m["parent_header"].get("msg_id") == self.msg_id]

    def of_type(self, *types):
        return [m for m in self.messages() if m["msg_type"] in types]

    def stream(self, name=None):
        return "".join(m["content"]["text"] for m in self.of_type("stream")
                       if name is None or m["content"]["name"] == name)

    def error(self):
        errs = self.of_type("error")
        if errs:
            c = errs[0]["content"]
            return c["ename"] + ": " + c["evalue"] + "\n" + "\n".join(c.get("traceback", []))
        if self.reply is not None and self.reply["content"]["status"] == "error":
            c = self.reply["content"]
            return c.get("ename", "") + ": " + c.get("evalue", "")
        return None

    def data(self, mime, updates=False):
        """Every payload of this MIME type from this cell's displays and result (and display updates sent while
        it ran when `updates`: those may belong to other cells' late output)."""
        out = []
        types = ("display_data", "execute_result") + (("update_display_data",) if updates else ())
        for m in self.of_type(*types):
            d = m["content"].get("data", {})
            if mime in d:
                out.append(d[mime])
        return out

    def text(self):
        """Streams, plain-text displays and results together."""
        return self.stream() + "\n".join(self.data("text/plain")) + (self.error() or "")

    def ok(self):
        err = self.error()
        assert err is None, f"cell failed: {self.code!r}\n{err}"
        return self


class Kernel:
    def __init__(self, env, log):
        self.env = env
        self.km = jproc_client.kernel_manager(env)
        with jproc_client.patched_environ(env):
            self.km.start_kernel(env=env, stderr=log)
        self.kc = jproc_client.blocking_client(self.km)
        self.kc.wait_for_ready(timeout=90)
        self.log = []  # (arrival time, message), every iopub message
        self.replies = {}

    def pump(self, seconds):
        """Reads iopub messages for this long."""
        end = time.time() + seconds
        while True:
            left = end - time.time()
            if left <= 0:
                return
            try:
                m = self.kc.get_iopub_msg(timeout=min(left, 0.2))
                self.log.append((time.time(), m))
            except queue.Empty:
                pass

    def execute(self, code, timeout=60, interrupt_after=None, expect_error=False):
        start = time.time()
        msg_id = self.kc.execute(code, allow_stdin=False, store_history=True)
        cell = Cell(self, msg_id, code)
        interrupted = False
        deadline = start + timeout
        idle = False
        while not idle:
            if time.time() > deadline:
                raise AssertionError(f"cell did not finish within {timeout} s: {code!r}")
            if interrupt_after is not None and not interrupted and time.time() - start >= interrupt_after:
                self.km.interrupt_kernel()
                interrupted = True
            try:
                m = self.kc.get_iopub_msg(timeout=0.1)
            except queue.Empty:
                continue
            self.log.append((time.time(), m))
            if (m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id
                    and m["content"]["execution_state"] == "idle"):
                idle = True
        cell.seconds = time.time() - start
        while cell.reply is None:
            if msg_id in self.replies:
                cell.reply = self.replies.pop(msg_id)
                break
            r = self.kc.get_shell_msg(timeout=max(1, deadline - time.time()))
            self.replies[r["parent_header"].get("msg_id")] = r
        if not expect_error:
            cell.ok()
        return cell

    def run(self, code, **kw):
        return self.execute(code, **kw)

    def value(self, expr):
        """The text/plain of an expression's result."""
        c = self.execute(expr)
        res = c.data("text/plain")
        assert res, f"no result for {expr!r}: {c.text()}"
        return res[-1]

    def close(self):
        try:
            self.kc.stop_channels()
        finally:
            self.km.shutdown_kernel(now=False)


CHECKS = []


class Skip(Exception):
    """A check that cannot run in this build (a feature it needs is not there); reported as SKIP."""


def check(fn):
    CHECKS.append(fn)
    return fn


SYNC_MAGICS = ("value", "array", "lock", "rlock", "semaphore", "event", "condition", "barrier")


def require_magics(k, *names):
    t = k.execute("%lsmagic").text()
    missing = [n for n in names if not re.search(r"%" + n + r"\b", t)]
    if missing:
        raise Skip("magics not in this build yet: " + " ".join(missing))


def wait_until(k, cond, seconds, what):
    end = time.time() + seconds
    while time.time() < end:
        if cond():
            return
        k.pump(0.2)
    raise AssertionError(f"{what} did not happen within {seconds} s")


def everything_printed(k):
    """Every stream text and every display or display update's text/plain seen so far (late output of a child
    arrives as updates of a display under the cell that started it)."""
    parts = []
    for (_, m) in k.log:
        if m["msg_type"] == "stream":
            parts.append(m["content"]["text"])
        elif m["msg_type"] in ("display_data", "update_display_data"):
            parts.append(str(m["content"].get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def svg_root(text):
    root = ET.fromstring(text)
    assert root.tag == SVG_NS + "svg", root.tag
    return root


def assert_in(needle, hay, what=""):
    assert needle in hay, f"{what} expected {needle!r} in:\n{hay}"


# ------------------------------------------------------------------------------------------- the checks

@check
def lsmagic_lists_every_magic(k):
    t = k.execute("%lsmagic").text()
    for name in ("spawn", "ps", "join", "terminate", "kill", "signal", "queue", "pipe", "inspect", "ipc", "wiring",
                 "timeline", "trace"):
        assert re.search(r"%%?" + name + r"\b", t), f"%lsmagic does not list {name}:\n{t}"
    missing = [n for n in SYNC_MAGICS if not re.search(r"%" + n + r"\b", t)]
    if missing:
        raise Skip("channel magics not in this build yet: " + " ".join(missing))


@check
def help_shows_usage_and_an_example(k):
    for code in ("%help spawn", "%spawn?", "%help ps", "%inspect?"):
        t = k.execute(code).text()
        assert_in("usage", t.lower(), code)
        assert_in("example", t.lower(), code)


@check
def bad_arguments_show_the_usage(k):
    c = k.execute("%join --bogus", expect_error=True)
    assert c.error() is not None, "no error for %join --bogus"
    assert_in("unknown option --bogus", c.text())
    assert_in("usage: %join", c.text().lower())


@check
def spawn_runs_the_cell_in_a_child_jvm_and_tags_its_output(k):
    k.execute("int kernelPid() { return (int) ProcessHandle.current().pid(); }\n"
              "String greeting = \"hello\";")
    c = k.execute("%%spawn greeter --wait\n"
                  "System.out.println(greeting + \" from \" + ProcessHandle.current().pid());\n"
                  "System.err.println(\"to stderr\");", timeout=60)
    out = c.stream("stdout")
    m = re.search(r"greeter.*hello from (\d+)", out)
    assert m, f"no tagged child line under the %%spawn cell:\n{c.text()}"
    assert int(m.group(1)) != int(k.value("kernelPid()")), "the body ran in the kernel's own JVM"
    assert_in("to stderr", c.stream("stderr"), "stderr stream")
    assert_in("greeter", c.stream("stderr"), "stderr tag")


@check
def variables_arrive_as_copies(k):
    k.execute("int counter = 5;")
    c = k.execute("%%spawn incrementer --wait\ncounter += 10;\nSystem.out.println(\"child counter \" + counter);")
    assert_in("child counter 15", c.stream())
    assert k.value("counter").strip() == "5", "the parent's copy changed"


@check
def a_variable_that_cannot_be_copied_is_named(k):
    k.execute("Thread worker = new Thread(() -> {});")
    c = k.execute("%%spawn bad\nSystem.out.println(worker.getName());", expect_error=True)
    err = c.error()
    assert err is not None, "no error for a non-copyable variable"
    assert_in("worker", err)
    assert_in("Thread", err)


@check
def dash_n_starts_numbered_children(k):
    c = k.execute("%%spawn w -n 3 --wait\nSystem.out.println(\"I am \" + jproc.Mp.currentProcess().name());",
                  timeout=90)
    out = c.stream()
    for i in (1, 2, 3):
        assert_in(f"I am w-{i}", out)


@check
def output_of_several_children_is_attributed_and_ordered(k):
    c = k.execute("%%spawn printer -n 2 --wait\n"
                  "String me = jproc.Mp.currentProcess().name();\n"
                  "for (int i = 0; i < 40; i++) { System.out.println(me + \" line \" + i); }", timeout=90)
    lines = [l for l in c.stream("stdout").splitlines() if " line " in l]
    for who in ("printer-1", "printer-2"):
        mine = [l for l in lines if f"{who} line " in l]
        assert len(mine) == 40, f"{who}: {len(mine)} lines of 40:\n" + "\n".join(lines)
        nums = [int(l.rsplit(" ", 1)[1]) for l in mine]
        assert nums == list(range(40)), f"{who} lines out of order: {nums}"
        assert all(who in l.split(" line ")[0] for l in mine)


@check
def late_output_lands_under_the_cell_that_started_the_child(k):
    start = k.execute("%%spawn late\nThread.sleep(1500);\nSystem.out.println(\"late line\");")
    assert start.seconds < 1.4, f"%%spawn without --wait took {start.seconds:.2f} s"
    other = k.execute("Thread.sleep(2500); 1 + 1")
    k.pump(1.0)
    # late output is in the starting cell's stream, or in a display created under that cell and updated in
    # place (update_display_data with the same display id, possibly sent while another cell runs)
    ids = {m["content"].get("transient", {}).get("display_id") for m in start.of_type("display_data")}
    ids.discard(None)
    updates = "".join(str(m["content"]["data"].get("text/plain", "")) for (_, m) in k.log
                      if m["msg_type"] == "update_display_data"
                      and m["content"].get("transient", {}).get("display_id") in ids)
    assert "late line" in start.stream() + updates, f"late output not under the starting cell: {start.text()}"
    assert "late line" not in other.stream(), "late output in the stream of the wrong cell"
    shown_elsewhere = [m for m in other.of_type("display_data") if "late line" in str(m["content"]["data"])]
    assert not shown_elsewhere, "late output shown as a new display under the wrong cell"


@check
def ps_shows_the_process_table(k):
    k.execute("%%spawn sleeper\nThread.sleep(30_000);")
    c = k.execute("%ps")
    t = "\n".join(c.data("text/plain"))
    for h in ("name", "pid", "state", "blocked on", "exit", "CPU", "memory", "uptime"):
        assert_in(h, t, "%ps header")
    assert_in("sleeper", t)
    assert_in("greeter", t)
    assert c.data("text/html"), "no HTML table"
    # an ended child shows the CPU time and peak memory it recorded as it exited
    greeter = [l for l in t.splitlines() if l.split() and l.split()[0] == "greeter"]
    assert greeter and "exited" in greeter[0], t
    cols = re.split(r"\s{2,}", greeter[0].strip())
    assert len(cols) >= 7 and cols[-3] != "-" and cols[-2] != "-", f"no CPU/memory for the ended greeter: {greeter[0]}"


@check
def terminate_kill_and_signal(k):
    k.execute("%terminate sleeper")
    k.execute("%join sleeper --timeout 10")
    assert_in("-15", "\n".join(k.execute("%ps").data("text/plain")))
    k.execute("%%spawn victim\nThread.sleep(30_000);")
    k.execute("%kill victim")
    k.execute("%join victim --timeout 10")
    t = "\n".join(k.execute("%ps").data("text/plain"))
    assert re.search(r"victim.*-9", t), t
    k.execute("%%spawn handler\n"
              "jproc.process.ChildProcess.onSignal(\"USR1\", () -> System.out.println(\"got USR1\"));\n"
              "System.out.println(\"ready\");\nThread.sleep(30_000);")
    wait_until(k, lambda: "[handler] ready" in everything_printed(k), 20, "handler ready")
    k.execute("%signal handler USR1")
    wait_until(k, lambda: "got USR1" in everything_printed(k), 10, "USR1 handled")
    c = k.execute("%signal handler USR2", expect_error=True)
    assert c.error() is not None and "USR2" in c.error(), c.text()
    k.execute("%kill handler")


@check
def unknown_names_suggest_the_closest(k):
    c = k.execute("%terminate handlr", expect_error=True)
    assert_in("did you mean 'handler'", c.text())
    c = k.execute("%inspect greter", expect_error=True)
    assert_in("greeter", c.text())


@check
def channel_magics_declare_notebook_variables(k):
    k.execute("%queue jobs --maxsize 10")
    assert k.value("jobs.put(7); jobs.size()").strip() == "1"
    k.execute("%pipe here there")
    k.execute("there.send(\"ping\");")
    assert "ping" in k.value("here.recv()")
    k.execute("%value hits int 0")
    assert k.value("hits.get()").strip() == "0"
    k.execute("%%spawn hitter --wait\nfor (int i = 0; i < 100; i++) hits.getLock().run(() -> hits.set(hits.get() + 1));")
    assert k.value("hits.get()").strip() == "100", "the child's updates of a shared value are not visible"
    k.execute("%array samples double 4")
    assert k.value("samples.length()").strip() == "4"
    k.execute("%lock printLock")
    k.execute("%rlock reentrant")
    assert k.value("reentrant.acquire(); reentrant.acquire(); reentrant.release(); reentrant.release(); "
                   "printLock.tryAcquire()").strip() == "true"
    k.execute("printLock.release();")
    t = k.execute("%lsmagic").text()
    later = {"semaphore": "%semaphore slots 3", "event": "%event ready", "condition": "%condition cond",
             "barrier": "%barrier gate 2"}
    missing = []
    for name, code in later.items():
        if re.search(r"%" + name + r"\b", t):
            k.execute(code)
        else:
            missing.append(name)
    if missing:
        raise Skip("magics not in this build yet: " + " ".join(missing))


@check
def inspect_reads_a_queue_without_consuming(k):
    k.execute("jobs.put(8); jobs.put(9);")
    t = "\n".join(k.execute("%inspect jobs").data("text/plain"))
    assert_in("queue jobs", t)
    assert_in("7", t)
    assert k.value("jobs.size()").strip() == "3", "inspect consumed items"
    k.execute("%%spawn consumer --wait\nfor (int i = 0; i < 3; i++) System.out.println(\"took \" + jobs.get());")
    t = "\n".join(k.execute("%inspect jobs").data("text/plain"))
    assert_in("consumer", t, "who used it")


@check
def ipc_wiring_and_timeline_render(k):
    t = "\n".join(k.execute("%ipc").data("text/plain"))
    assert_in("jobs", t)
    assert_in("consumer", t)
    c = k.execute("%wiring")
    svgs = c.data("image/svg+xml")
    assert svgs, "no SVG from %wiring"
    root = svg_root(svgs[-1])
    titles = [e.text for e in root.iter(SVG_NS + "title")]
    assert any(x and x.startswith("queue jobs") for x in titles), titles
    assert c.data("text/plain"), "no text fallback"
    c = k.execute("%timeline")
    svg_root(c.data("image/svg+xml")[-1])
    assert_in("consumer", "\n".join(c.data("text/plain")))


@check
def live_ps_updates_in_place_and_stops(k):
    c = k.execute("%%spawn ticker\nfor (int i = 0; i < 6; i++) { Thread.sleep(250); }")
    c = k.execute("%ps --live")
    disp = c.of_type("display_data")
    assert disp, "no display"
    did = disp[0]["content"].get("transient", {}).get("display_id")
    assert did, "the live display has no display id"
    wait_until(k, lambda: len([m for (_, m) in k.log if m["msg_type"] == "update_display_data"
                              and m["content"].get("transient", {}).get("display_id") == did]) >= 2, 15,
               "two live updates")
    k.execute("%join --all --timeout 20")
    k.pump(1.0)
    n = len([m for (_, m) in k.log if m["msg_type"] == "update_display_data"
             and m["content"].get("transient", {}).get("display_id") == did])
    k.pump(1.0)
    n2 = len([m for (_, m) in k.log if m["msg_type"] == "update_display_data"
              and m["content"].get("transient", {}).get("display_id") == did])
    assert n == n2, "the live view kept updating after every process ended"


@check
def live_wiring_and_inspect_update_with_well_formed_svg(k):
    k.execute("%queue ticks")
    k.execute("%%spawn ticker2\nfor (int i = 0; i < 12; i++) { ticks.put(i); Thread.sleep(150); }")
    ids = []
    for code in ("%wiring --live", "%inspect ticks --live", "%ipc --live"):
        disp = k.execute(code).of_type("display_data")
        assert disp, f"no display from {code}"
        did = disp[0]["content"].get("transient", {}).get("display_id")
        assert did, f"{code}: no display id"
        ids.append(did)

    def updates(did):
        return [m for (_, m) in k.log if m["msg_type"] == "update_display_data"
                and m["content"].get("transient", {}).get("display_id") == did]
    wait_until(k, lambda: all(len(updates(d)) >= 2 for d in ids), 20, "live updates of all three views")
    for m in updates(ids[0]):
        svg_root(m["content"]["data"]["image/svg+xml"])
    wait_until(k, lambda: any("put x" in m["content"]["data"]["text/plain"] for m in updates(ids[1])), 20,
               "the live %inspect showing the child's puts")
    k.execute("%join --all --timeout 20")


@check
def java_api_works_from_cells(k):
    k.execute("var lam = Mp.process(\"lam\", () -> System.out.println(\"lambda child \" + Mp.currentProcess().name()));\n"
              "lam.start(); lam.join();")
    k.execute("class Worker extends ChildProcess {\n"
              "    int n;\n"
              "    Worker(int n) { super(\"sub\"); this.n = n; }\n"
              "    @Override public void run() { System.out.println(\"subclass child n=\" + n); }\n"
              "}")
    k.execute("var w = new Worker(7); w.start(); w.join();")
    out = everything_printed(k)
    assert_in("lambda child lam", out)
    assert_in("subclass child n=7", out)
    t = "\n".join(k.execute("%ps").data("text/plain"))
    assert re.search(r"\blam\s+\d+", t), t


@check
def pool_works_from_cells(k):
    c = k.execute("try (var pool = Mp.pool(2)) { System.out.println(\"squares \" + pool.map(x -> x * x, "
                  "java.util.List.of(1, 2, 3))); }", timeout=60)
    assert_in("squares [1, 4, 9]", c.stream())


@check
def deadlock_is_named(k):
    k.execute("%lock lockA")
    k.execute("%lock lockB")
    k.execute("%barrier bothHold 2")
    # each takes its first lock, waits until the other holds its own, then asks for the other's: a sure deadlock
    k.execute("%%spawn left\nlockA.acquire(); bothHold.await(); lockB.acquire();")
    k.execute("%%spawn right\nlockB.acquire(); bothHold.await(); lockA.acquire();")
    t = ""

    def named():
        nonlocal t
        t = "\n".join(k.execute("%ps").data("text/plain"))
        return "Deadlock" in t
    try:
        wait_until(k, named, 30, "the deadlock named by %ps")
    except AssertionError as e:
        raise AssertionError(f"{e}:\n{t}\n{everything_printed(k)[-2000:]}") from None
    assert "left" in t and "right" in t
    assert_in("cycle:", t)
    t = "\n".join(k.execute("%inspect lockA").data("text/plain"))
    assert_in("Deadlock", t, "%inspect of a lock in the cycle")
    svg_root(k.execute("%wiring").data("image/svg+xml")[-1])
    k.execute("%kill left right")


def ps_line(k, name):
    t = "\n".join(k.execute("%ps").data("text/plain"))
    line = [l for l in t.splitlines() if l.split() and l.split()[0] == name]
    assert line, f"{name} not in %ps:\n{t}"
    return line[0]


def ended_by_sigint(line):
    return "running" not in line and "sleeping" not in line and ("SIGINT" in line or " 130 " in line)


@check
def interrupt_stops_the_cell_and_its_children(k):
    assert_in("interrupt mode: cell", k.execute("%interrupt").text())
    k.execute("%%spawn bystander\nThread.sleep(60_000);")
    k.execute("var bypool = Mp.pool(1);")
    c = k.execute("%%spawn napper --wait\nThread.sleep(60_000);", interrupt_after=2.0, expect_error=True,
                  timeout=30)
    assert c.seconds < 6, f"interrupt took {c.seconds:.1f} s"
    assert c.error() is not None, "the interrupted cell did not report an error"
    k.pump(1.0)
    line = ps_line(k, "napper")
    assert ended_by_sigint(line), f"the child did not end by SIGINT: {line}"
    line = ps_line(k, "bystander")
    assert "running" in line or "sleeping" in line, f"a child of an earlier cell was interrupted: {line}"
    assert k.value("bypool.submit(() -> 6 * 7).get()").strip() == "42", "a pool of an earlier cell was broken"
    # none: the cell's own child runs on
    assert_in("interrupt mode: none", k.execute("%interrupt none").text())
    c = k.execute("%%spawn stayer --wait\nThread.sleep(60_000);", interrupt_after=2.0, expect_error=True,
                  timeout=30)
    assert c.error() is not None, "the interrupted cell did not report an error"
    k.pump(1.0)
    line = ps_line(k, "stayer")
    assert "running" in line or "sleeping" in line, f"mode none still signalled the cell's child: {line}"
    # all: the bystander of an earlier cell gets SIGINT too
    assert_in("interrupt mode: all", k.execute("%interrupt all").text())
    c = k.execute("Thread.sleep(60_000);", interrupt_after=1.5, expect_error=True, timeout=30)
    assert c.error() is not None, "the interrupted cell did not report an error"
    k.pump(1.0)
    for name in ("bystander", "stayer"):
        line = ps_line(k, name)
        assert ended_by_sigint(line), f"mode all did not signal {name}: {line}"
    assert_in("unknown interrupt mode 'some'", k.execute("%interrupt some", expect_error=True).text())
    k.execute("%interrupt cell")
    k.execute("bypool.close();")


@check
def trace_switch(k):
    assert_in("off", k.execute("%trace off").text())
    assert_in("on", k.execute("%trace on").text())


@check
def restart_ends_children_and_removes_shared_memory(k):
    sid = k.value("jproc.ipc.session.Session.current().id()").strip().strip('"')
    k.execute("%%spawn survivor --daemon\nThread.sleep(60_000);")
    k.execute("%%spawn survivor2\nThread.sleep(60_000);")
    pids = re.findall(r"survivor2?\s+(\d+)", "\n".join(k.execute("%ps").data("text/plain")))
    assert len(pids) == 2, pids
    with jproc_client.patched_environ(k.env):
        k.km.restart_kernel(now=False)
    k.kc.wait_for_ready(timeout=90)
    end = time.time() + 10
    left = []
    while time.time() < end:
        left = [p for p in pids if os.path.exists(f"/proc/{p}")]
        files = [f for f in os.listdir("/dev/shm") if f.startswith(f"jproc-{sid}-")]
        if not left and not files:
            sid2 = k.value("jproc.ipc.session.Session.current().id()").strip().strip('"')
            print(f"SESSION {sid2}", flush=True)  # the restarted kernel's: checked after shutdown
            return
        time.sleep(0.2)
    raise AssertionError(f"after restart: children alive {left}, files {files}")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", default=None, help="the kernel jar (default: install/target/jproc-kernel.jar)")
    ap.add_argument("--log", default=None, help="where the kernel's log goes (default: discarded)")
    ap.add_argument("checks", nargs="*", help="names of checks to run (default: all)")
    opts = ap.parse_args(argv[1:])
    wanted = set(opts.checks)
    with jproc_client.installed_kernelspec(opts.jar) as env, \
            open(opts.log or os.devnull, "w") as log:
        try:
            k = Kernel(env, log)
        except Exception as e:  # noqa: BLE001 - any failure to start is reported the same way
            print(f"KERNEL did not start: {e}", file=sys.stderr)
            return 3
        return run_checks(k, wanted)


def run_checks(k, wanted):
    passed = failed = 0
    try:
        try:
            sid = k.value("jproc.ipc.session.Session.current().id()").strip().strip('"')
            print(f"SESSION {sid}", flush=True)
        except Exception as e:  # noqa: BLE001 - reported, the checks still run
            print(f"SESSION unknown: {e}", file=sys.stderr)
        for fn in CHECKS:
            if wanted and fn.__name__ not in wanted:
                continue
            t0 = time.time()
            try:
                fn(k)
                passed += 1
                print(f"CHECK {fn.__name__} PASS {time.time() - t0:.1f}", flush=True)
            except Skip as e:
                print(f"CHECK {fn.__name__} SKIP {time.time() - t0:.1f} {e}", flush=True)
            except Exception as e:  # noqa: BLE001 - a check's failure of any kind is a FAIL line
                failed += 1
                reason = " ".join(str(e).split())[:300]
                print(f"CHECK {fn.__name__} FAIL {time.time() - t0:.1f} {reason}", flush=True)
                traceback.print_exc()
    finally:
        k.close()
    print(f"CHECKS passed={passed} failed={failed}", flush=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
