#!/usr/bin/python3
"""End-to-end checks of the JProc kernel (issue items 1-12) through Debian's jupyter_client and nbclient.

Installs the kernelspec into a temporary Jupyter data dir, starts the installed kernel, and runs the checks
named on the command line (all when none are given). Prints one line per check:

    CHECK <name> PASS <seconds>
    CHECK <name> FAIL <seconds> <one-line reason>

then `CHECKS passed=<n> failed=<n>`; the details of each failure (the cells, their messages, the kernel log) go
to stdout after a `DETAIL <name>` line. Exit status 0 when every check passed, 1 otherwise.
"""

import argparse
import shutil
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from jproc_client import (KernelTestError, blocking_client, check, drain_iopub, execute,  # noqa: E402
                          installed_kernelspec, java_processes_of, kernel_manager, kernel_pid, patched_environ,
                          pid_alive, running_kernel)

CHECKS = []


def kernel_check(fn):
    CHECKS.append(fn)
    return fn


class Ctx:
    """What checks share: the installed env, the main kernel, its log file."""

    def __init__(self, env, km, kc, log_path, work):
        self.env, self.km, self.kc, self.log_path, self.work = env, km, kc, log_path, work

    def log(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()


def ok(ctx, code, **kw):
    run = execute(ctx.kc, code, **kw)
    check(run.status == "ok", "cell failed: " + code, run)
    return run


def failed(ctx, code, **kw):
    run = execute(ctx.kc, code, **kw)
    check(run.status == "error" and run.error is not None, "cell should fail: " + code, run)
    return run


def plain(run):
    return (run.result or {}).get("text/plain")


# ----------------------------------------------------------------------------------------------------- 1
@kernel_check
def kernel_info(ctx):
    reply = ctx.kc.kernel_info(reply=True, timeout=10)["content"]
    li = reply["language_info"]
    check(li["name"] == "java", "language name", reply)
    check(li["version"].split(".")[0].isdigit(), "language version", reply)
    check(li["mimetype"] == "text/x-java-source", "mimetype", reply)
    check(li["file_extension"] in (".jshell", ".java"), "file extension", reply)
    check(li.get("codemirror_mode"), "codemirror mode", reply)
    check(li.get("pygments_lexer") == "java", "pygments lexer", reply)
    check("JProc" in reply.get("banner", ""), "banner", reply)
    major, minor = (int(x) for x in reply["protocol_version"].split(".")[:2])
    check((major, minor) >= (5, 3), "protocol 5.3 or later", reply)
    check(reply.get("status") == "ok", "status ok", reply)


# ----------------------------------------------------------------------------------------------------- 2
@kernel_check
def execute_declarations_and_values(ctx):
    ok(ctx, "int answer = 42;")
    ok(ctx, "int twice(int x) { return 2 * x; }")
    ok(ctx, "class Box { int v; Box(int v) { this.v = v; } }")
    ok(ctx, "record Pair(int a, int b) {}")
    ok(ctx, "interface Shape { double area(); }")
    ok(ctx, "import java.util.function.IntUnaryOperator;")
    run = ok(ctx, "IntUnaryOperator f = x -> twice(x) + new Box(1).v + new Pair(1, 2).a();\n"
                  "Shape s = () -> 2.0;\n"
                  "f.applyAsInt(answer) + (int) s.area()")
    check(plain(run) == "88", "value of the last expression as execute_result text/plain", run)
    ok(ctx, "int twice(int x) { return 3 * x; }")
    run = ok(ctx, "twice(2)")
    check(plain(run) == "6", "a redefined method is used by later cells", run)
    run = ok(ctx, "answer + 1;")
    check(run.result is None, "an expression ending with ; shows no value", run)


@kernel_check
def output_streams_as_printed(ctx):
    arrivals = []

    def seen(msg):
        if msg["msg_type"] == "stream":
            arrivals.append((time.monotonic(), msg["content"]["name"], msg["content"]["text"]))

    run = ok(ctx, 'for (int i = 0; i < 4; i++) { System.out.println("tick " + i); Thread.sleep(300); }\n'
                  'System.err.println("done on stderr");', on_message=seen)
    end = time.monotonic()
    check(run.stdout == "tick 0\ntick 1\ntick 2\ntick 3\n", "stdout text", run)
    check(run.stderr == "done on stderr\n", "stderr text", run)
    first = [t for (t, name, text) in arrivals if "tick 0" in text]
    check(first and end - first[0] > 0.8, "the first line arrives while the cell still runs", arrivals, run)


# ----------------------------------------------------------------------------------------------------- 3
@kernel_check
def errors_compile_and_runtime(ctx):
    run = failed(ctx, "int a1 = 1;\nint a2 = a1 + undefinedThing;")
    e = run.error
    text = "\n".join(e["traceback"])
    check(e["ename"] == "CompileError", "compile error name", run)
    check("line 2" in text and "column 15" in text and "undefinedThing" in text and "^" in text,
          "compile error shows line, column and the offending text", text)
    rc = run.reply["content"]
    check(rc["status"] == "error" and rc["ename"] == "CompileError" and rc["evalue"] and rc["traceback"],
          "execute_reply carries ename/evalue/traceback", run)
    ok(ctx, "int divide(int a, int b) {\n    return a / b;\n}")
    run = failed(ctx, "divide(1, 0)")
    e = run.error
    text = "\n".join(e["traceback"])
    check(e["ename"] == "ArithmeticException" and e["evalue"] == "/ by zero", "exception type and message", run)
    check("divide (cell [" in text and "line 2" in text, "the trace names the user's method, cell and line", text)
    check("jdk.jshell" not in text and "jproc.kernel" not in text and "reflect" not in text,
          "the trace is trimmed to user code", text)
    run = ok(ctx, "divide(6, 3)")
    check(plain(run) == "2", "later cells still run", run)


@kernel_check
def stop_on_error_aborts_queued_cells(ctx):
    kc = ctx.kc
    ids = [kc.execute(c) for c in ("int queued = 1;", 'throw new IllegalStateException("stop here");',
                                   "queued = 2;", 'System.out.println("must not run");')]
    status = {}
    while len(status) < len(ids):
        r = kc.get_shell_msg(timeout=30)
        status[r["parent_header"]["msg_id"]] = r["content"]["status"]
    check([status[i] for i in ids] == ["ok", "error", "aborted", "aborted"],
          "cells queued behind a failing cell are aborted (run all)", status)
    drain_iopub(kc, 0.3)
    run = ok(ctx, "queued")
    check(plain(run) == "1", "aborted cells did not run", run)
    h = kc.history(reply=True, timeout=10)["content"]
    check(h.get("status", "ok") == "ok" and h["history"] == [], "history requests are answered", h)


# ----------------------------------------------------------------------------------------------------- 4
@kernel_check
def complete_inspect_is_complete(ctx):
    kc = ctx.kc
    m = kc.complete("Strin", 5, reply=True, timeout=10)["content"]
    check("String" in m["matches"], "names complete", m)
    code = '"abc".toUpp'
    m = kc.complete(code, len(code), reply=True, timeout=10)["content"]
    check(any(x.startswith("toUpperCase") for x in m["matches"]) and m["cursor_start"] == 6,
          "members complete after a dot", m)
    m = kc.complete("%lsm", 4, reply=True, timeout=10)["content"]
    check("lsmagic" in m["matches"], "magic names complete after %", m)
    r = kc.inspect("Math.max(1, 2)", 7, reply=True, timeout=10)["content"]
    check(r["found"] and "max(" in r["data"]["text/plain"], "inspect shows the signature", r)
    r = kc.inspect("%classpath", 3, reply=True, timeout=10)["content"]
    check(r["found"] and "Usage: %classpath" in r["data"]["text/plain"], "inspect shows magic help", r)

    def is_complete(code):
        return kc.is_complete(code, reply=True, timeout=10)["content"] if hasattr(kc, "is_complete") else None

    msg_id = kc.is_complete("int q = 1;")
    r = kc.get_shell_msg(timeout=10)["content"]
    check(r["status"] == "complete", "complete code", r)
    kc.is_complete("for (int i = 0; i < 2; i++) {")
    r = kc.get_shell_msg(timeout=10)["content"]
    check(r["status"] == "incomplete" and r.get("indent", "").strip() == "" and len(r["indent"]) >= 4,
          "incomplete code with an indent", r)
    kc.is_complete("int 9x = ;")
    r = kc.get_shell_msg(timeout=10)["content"]
    check(r["status"] == "invalid", "invalid code", r)
    del msg_id


# ----------------------------------------------------------------------------------------------------- 5
@kernel_check
def stdin_input_request(ctx):
    run = ok(ctx, 'String who = new Scanner(System.in).nextLine();\n"hello " + who', stdin_answers=["Ada"])
    check(plain(run) == '"hello Ada"', "the reply to input_request is read by Scanner(System.in)", run)
    t0 = time.monotonic()
    run = failed(ctx, "new Scanner(System.in).nextLine()", allow_stdin=False, timeout=10)
    check(run.error["ename"] == "StdinUnavailableException" and "allow_stdin" in run.error["evalue"],
          "allow_stdin=false gives a clear error", run)
    check(time.monotonic() - t0 < 5, "no hang without stdin")


# ----------------------------------------------------------------------------------------------------- 6
@kernel_check
def rich_display(ctx):
    run = ok(ctx, 'display(html("<b>bold</b>"));\ndisplay(svg("<svg xmlns=\\"http://www.w3.org/2000/svg\\"/>"));\n'
                  'display(markdown("# Title"));\n'
                  'var img = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);\n'
                  'var bytes = new ByteArrayOutputStream();\n'
                  'javax.imageio.ImageIO.write(img, "png", bytes);\n'
                  'display(png(bytes.toByteArray()));')
    kinds = [set(m["content"]["data"]) for m in run.displays]
    for mime in ("text/html", "image/svg+xml", "text/markdown", "image/png"):
        check(any(mime in k for k in kinds), "display(...) of " + mime, run)
    check(all(m["content"].get("transient", {}).get("display_id") for m in run.displays), "displays have ids", run)
    run = ok(ctx, 'html("<i>value</i>")')
    check(run.result and run.result.get("text/html") == "<i>value</i>", "a rich value renders as its MIME type", run)
    run = ok(ctx, "img")
    check(run.result and "image/png" in run.result, "an image value renders as image/png", run)
    run = ok(ctx, 'var shown = display(html("v1"));\nupdateDisplay(shown, html("v2"));')
    did = run.displays[0]["content"]["transient"]["display_id"]
    check(any(u["content"]["transient"]["display_id"] == did and u["content"]["data"].get("text/html") == "v2"
              for u in run.updates), "updateDisplay replaces the display in place", run)


# ----------------------------------------------------------------------------------------------------- 7
def interrupt_cell(ctx, code, label):
    kc, km = ctx.kc, ctx.km
    msg_id = kc.execute(code)
    busy_deadline = time.monotonic() + 15
    started = None
    while time.monotonic() < busy_deadline:
        m = kc.get_iopub_msg(timeout=15)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "execute_input":
            started = time.monotonic()
            break
    check(started is not None, label + ": the cell started")
    time.sleep(0.6)
    t0 = time.monotonic()
    km.interrupt_kernel()
    error = None
    while True:
        left = t0 + 10 - time.monotonic()
        check(left > 0, label + ": the cell stopped after the interrupt")
        m = kc.get_iopub_msg(timeout=left)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "error":
            error = m["content"]
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    took = time.monotonic() - t0
    reply = kc.get_shell_msg(timeout=10)
    check(error is not None and "Interrupt" in error["ename"], label + ": an interrupt error", error, reply)
    check(took < 1.0, label + ": stopped within 1 s of the interrupt (took %.3f s)" % took)
    return took


@kernel_check
def interrupt_blocking_and_cpu_bound(ctx):
    ok(ctx, "int keptAcrossInterrupts = 7;")
    times = {}
    times["sleep"] = interrupt_cell(ctx, "Thread.sleep(60_000);", "Thread.sleep")
    times["wait"] = interrupt_cell(ctx, "Object lock = new Object();\nsynchronized (lock) { lock.wait(); }",
                                   "Object.wait")
    times["queue"] = interrupt_cell(ctx, "new LinkedBlockingQueue<Integer>().take();", "BlockingQueue.take")
    times["loop"] = interrupt_cell(ctx, "while (true) {}", "while (true) {}")
    times["busy"] = interrupt_cell(ctx, "long spins = 0;\nwhile (true) { spins++; }", "counting loop")
    times["catching"] = interrupt_cell(ctx, "while (true) { try { Thread.sleep(10); } catch (Exception e) {} }",
                                       "loop that catches exceptions")
    run = ok(ctx, "keptAcrossInterrupts")
    check(plain(run) == "7", "variables survive interrupts", run)
    print("  interrupt times: " + ", ".join("%s %.0f ms" % (k, v * 1000) for k, v in times.items()))


# ----------------------------------------------------------------------------------------------------- 8
@kernel_check
def system_exit_does_not_kill_the_kernel(ctx):
    for code in ("System.exit(3);", "Runtime.getRuntime().halt(1);", "Runtime.getRuntime().exit(2);",
                 "IntConsumer quit = System::exit;\nquit.accept(4);"):
        run = failed(ctx, code)
        check(run.error["ename"] == "SystemExitError", "exit is reported as an error: " + code, run)
    run = ok(ctx, "1 + 1")
    check(plain(run) == "2" and ctx.km.is_alive(), "the kernel stays usable", run)


# ----------------------------------------------------------------------------------------------------- 9
@kernel_check
def late_thread_output_stays_under_its_cell(ctx):
    a = ok(ctx, 'new Thread(() -> {\n'
                '    try { Thread.sleep(800); } catch (InterruptedException e) { }\n'
                '    System.out.println("late from thread");\n'
                '    System.err.println("late on stderr");\n'
                '}).start();')
    holders = [m for m in a.displays if m["content"].get("transient", {}).get("display_id")]
    check(holders, "a display for late output is created under the cell before it ends", a)
    did = holders[-1]["content"]["transient"]["display_id"]
    a_id = a.reply["parent_header"]["msg_id"]
    seen = []
    b = ok(ctx, "Thread.sleep(1500);", on_message=seen.append)
    updates = [m for m in seen if m["msg_type"] == "update_display_data"
               and m["content"]["transient"]["display_id"] == did]
    texts = [u["content"]["data"].get("text/plain", "") for u in updates]
    check(any("late from thread" in t and "late on stderr" in t for t in texts),
          "the late lines update the cell's display", seen)
    check(any(u["parent_header"]["msg_id"] == a_id for u in updates),
          "updates are sent under the cell that started the thread", updates)
    check(any(u["parent_header"]["msg_id"] == b.reply["parent_header"]["msg_id"] for u in updates),
          "and under the running cell (nbclient, JupyterLab)", updates)
    html = [u["content"]["data"].get("text/html", "") for u in updates]
    check(any("color:#c00" in h and "late on stderr" in h for h in html), "stderr is red in the HTML form", html)


@kernel_check
def late_output_in_nbclient(ctx):
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('new Thread(() -> {\n'
                                          '    try { Thread.sleep(700); } catch (InterruptedException e) { }\n'
                                          '    System.out.println("late line for nbclient");\n'
                                          '}).start();'),
                nbformat.v4.new_code_cell("Thread.sleep(1500);"),
                nbformat.v4.new_code_cell("1 + 1")]
    with patched_environ(ctx.env):
        client = NotebookClient(nb, kernel_name="jproc", timeout=60, startup_timeout=60)
        client.execute()
    texts = [o.get("data", {}).get("text/plain", "") for o in nb.cells[0].outputs]
    check(any("late line for nbclient" in t for t in texts), "nbclient shows the late line under its cell",
          json.dumps(nb.cells[0].outputs, indent=1))
    check(nb.cells[2].outputs[0]["data"]["text/plain"] == "2", "later cells run", nb.cells[2].outputs)


@kernel_check
def smoke_notebook_with_nbconvert(ctx):
    import nbformat
    path = os.path.join(ctx.work, "smoke.ipynb")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "jproc", "display_name": "Java (JProc)", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell("int x = 20;"),
                nbformat.v4.new_code_cell("x + 22"),
                nbformat.v4.new_code_cell('System.out.println("smoke ok");'),
                nbformat.v4.new_code_cell('display(html("<b>rich</b>"));')]
    nbformat.write(nb, path)
    out = subprocess.run(["/usr/bin/jupyter", "nbconvert", "--to", "notebook", "--execute",
                          "--ExecutePreprocessor.timeout=60", "--output", "smoke-out.ipynb", path],
                         env=ctx.env, capture_output=True, text=True, timeout=180)
    check(out.returncode == 0, "nbconvert --execute succeeds", out.stdout, out.stderr)
    done = nbformat.read(os.path.join(ctx.work, "smoke-out.ipynb"), as_version=4)
    check(done.cells[1].outputs[0]["data"]["text/plain"] == "42", "value cell", done.cells[1].outputs)
    check(done.cells[2].outputs[0]["text"] == "smoke ok\n", "print cell", done.cells[2].outputs)
    check("text/html" in done.cells[3].outputs[0]["data"], "display cell", done.cells[3].outputs)


# ----------------------------------------------------------------------------------------------------- 11
@kernel_check
def bad_messages_are_rejected(ctx):
    from jupyter_client.session import Session
    kc = ctx.kc
    wrong = Session(key=b"not-the-key", username="mallory")
    for channel in (kc.shell_channel, kc.control_channel):
        msg = wrong.msg("execute_request" if channel is kc.shell_channel else "shutdown_request",
                        {"code": "System.out.println(\"should not run\");", "silent": False,
                         "store_history": True, "user_expressions": {}, "allow_stdin": False,
                         "stop_on_error": True} if channel is kc.shell_channel else {"restart": False})
        wrong.send(channel.socket, msg)
    good = kc.session
    raw = [b"<IDS|MSG>", b"deadbeef", b"{not json", b"{}", b"{}", b"{}"]
    kc.shell_channel.socket.send_multipart(raw)
    kc.shell_channel.socket.send_multipart([b"only", b"garbage"])
    header = json.dumps({"msg_id": "x1", "msg_type": "execute_request"}).encode()  # no username/session/version
    parts = [header, b"{}", b"{}", b'{"code": "1"}']
    kc.shell_channel.socket.send_multipart([b"<IDS|MSG>", good.sign(parts)] + parts)
    kc.control_channel.socket.send_multipart([b"<IDS|MSG>", b"0" * 64, b"{}", b"{}", b"{}", b"{}"])
    time.sleep(0.5)
    check(ctx.km.is_alive(), "the kernel survives bad messages")
    run = ok(ctx, "40 + 2")
    check(plain(run) == "42", "the next valid request is served", run)
    check("should not run" not in run.stdout, "the wrongly signed cell did not run", run)
    # stdin: a wrongly signed input_reply is ignored, the signed one is read
    msg_id = kc.execute('new Scanner(System.in).nextLine()', allow_stdin=True)
    req = kc.get_stdin_msg(timeout=20)
    check(req["msg_type"] == "input_request", "input request", req)
    wrong.send(kc.stdin_channel.socket, wrong.msg("input_reply", {"value": "evil"}, parent=req["header"]))
    time.sleep(0.2)
    kc.input("good")
    result = None
    while True:
        m = kc.get_iopub_msg(timeout=20)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "execute_result":
            result = m["content"]["data"]["text/plain"]
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    kc.get_shell_msg(timeout=10)
    check(result == '"good"', "the signed input_reply is the one read", result)
    log = ctx.log()
    check(log.count("rejected a message") >= 5 and "invalid HMAC signature" in log and "malformed" in log,
          "rejections are logged", log[-3000:])


# ----------------------------------------------------------------------------------------------------- 12
@kernel_check
def magics_lsmagic_help_unknown_classpath(ctx):
    run = ok(ctx, "%lsmagic")
    text = plain(run) or ""
    for name in ("%lsmagic", "%help", "%classpath"):
        check(name in text, "%lsmagic lists " + name, run)
    for code in ("%help classpath", "%classpath?"):
        run = ok(ctx, code)
        check("Usage: %classpath" in run.stdout and "Example" in run.stdout, "help of a magic: " + code, run)
    run = failed(ctx, "%lsmagik")
    check("%lsmagic" in run.error["evalue"], "an unknown magic suggests the closest names", run)
    src = os.path.join(ctx.work, "src", "greet")
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(src, "Hello.java"), "w") as f:
        f.write('package greet;\npublic class Hello {\n'
                '    public static String hi() { return "hi from the classpath"; }\n}\n')
    classes = os.path.join(ctx.work, "classes")
    subprocess.run(["javac", "-d", classes, os.path.join(src, "Hello.java")], check=True, timeout=60)
    jar = os.path.join(ctx.work, "greet.jar")
    subprocess.run(["jar", "cf", jar, "-C", classes, "."], check=True, timeout=60)
    ok(ctx, "%classpath " + jar)
    run = ok(ctx, "import greet.Hello;\nHello.hi()")
    check(plain(run) == '"hi from the classpath"', "%classpath adds a jar to the notebook", run)
    run = ok(ctx, 'var cp = new ChildProcess("cp", () -> System.out.println(greet.Hello.hi()));\n'
                  'cp.start();\ncp.join();', timeout=60)
    check("[cp] hi from the classpath" in run.stdout, "children get the %classpath entries", run)


# ------------------------------------------------------------------------------------- child processes
@kernel_check
def children_get_notebook_code_and_copies_of_variables(ctx):
    ok(ctx, "int base = 40;\nint notUsed = 1;\nrecord Item(int n) implements java.io.Serializable { }\n"
            "int next(int x) { return x + 1; }")
    run = ok(ctx, 'var c1 = new ChildProcess("adder", () -> System.out.println(next(base) + 1 + new Item(0).n()));\n'
                  'c1.start();\nc1.join();\nc1.exitCode()', timeout=60)
    check("[adder] 42\n" in run.stdout and plain(run) == "0", "a lambda child runs notebook methods and records", run)
    run = ok(ctx, 'class Doubler extends ChildProcess {\n'
                  '    public void run() { base = base * 2; System.out.println("child sees " + base); }\n'
                  '}\nvar d = new Doubler();\nd.start();\nd.join();\nbase', timeout=60)
    check("[" in run.stdout and "child sees 80" in run.stdout and plain(run) == "40",
          "a subclass child gets a copy: the notebook's variable is unchanged", run)
    ok(ctx, "Thread notCopyable = new Thread();")
    run = failed(ctx, 'new ChildProcess("bad", () -> System.out.println(notCopyable)).start();')
    check(run.error["ename"] == "NotCopyableException" and "notCopyable" in run.error["evalue"]
          and "java.lang.Thread" in run.error["evalue"], "a variable that cannot be copied is named with its type", run)
    a = ok(ctx, 'new ChildProcess("slow", () -> {\n'
                '    try { Thread.sleep(700); } catch (InterruptedException e) { }\n'
                '    System.out.println("child done");\n'
                '}).start();', timeout=60)
    holders = [m for m in a.displays if m["content"].get("transient", {}).get("display_id")]
    check(holders, "a display for the child's late output", a)
    did = holders[-1]["content"]["transient"]["display_id"]
    seen = []
    ok(ctx, "Thread.sleep(2000);", on_message=seen.append, timeout=30)
    texts = [m["content"]["data"].get("text/plain", "") for m in seen if m["msg_type"] == "update_display_data"
             and m["content"]["transient"]["display_id"] == did]
    check(any("[slow] child done" in t for t in texts), "the child's late line updates its cell's display", seen)


# ------------------------------------------------------------------------------------------ installer
@kernel_check
def installer_prefix_user_and_uninstall(ctx):
    from jproc_client import INSTALLER
    root = os.path.join(ctx.work, "install-test")
    prefix = os.path.join(root, "prefix")
    env = dict(ctx.env, JUPYTER_DATA_DIR=os.path.join(root, "data"))

    def installer(*args):
        out = subprocess.run(["bash", INSTALLER] + list(args), env=env, capture_output=True, text=True, timeout=120)
        check(out.returncode == 0, "installer " + " ".join(args), out.stdout, out.stderr)
        return out.stdout

    main_spec = os.path.join(ctx.env["JUPYTER_DATA_DIR"], "kernels", "jproc")
    check(os.path.isfile(os.path.join(main_spec, "jproc.jsa")), "the default install trains a CDS archive",
          os.listdir(main_spec))
    installer("--prefix", prefix, "--java-opts", "-Xmx512m", "--no-cds")
    spec_dir = os.path.join(prefix, "share", "jupyter", "kernels", "jproc")
    with open(os.path.join(spec_dir, "kernel.json")) as f:
        spec = json.load(f)
    check(spec["display_name"] == "Java (JProc)" and spec["interrupt_mode"] == "message", "kernel.json", spec)
    check(spec["env"].get("JPROC_JAVA_OPTS") == "-Xmx512m", "JVM options in kernel.json", spec)
    check("{connection_file}" in spec["argv"] and "JPROC_JAVA" in spec["argv"][2], "argv", spec)
    check(os.path.isfile(os.path.join(spec_dir, "jproc-kernel.jar")), "the jar is copied into the kernelspec")
    installer("--uninstall", "--prefix", prefix)
    check(not os.path.exists(spec_dir), "--uninstall --prefix removes it")
    installer("--no-cds")
    user_dir = os.path.join(root, "data", "kernels", "jproc")
    check(os.path.isfile(os.path.join(user_dir, "kernel.json")), "user-level install into JUPYTER_DATA_DIR")
    installer("--uninstall")
    check(not os.path.exists(user_dir), "--uninstall removes the user-level kernelspec")


# ----------------------------------------------------------------------------------------------------- 10
def descendants(pid):
    return [p for p in java_processes_of(pid) if p != pid]


def session_files(pid):
    d = "/dev/shm"
    return [f for f in os.listdir(d) if f.startswith("jproc-%dx" % pid)] if os.path.isdir(d) else []


def wait_gone(pids, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not [p for p in pids if pid_alive(p)]:
            return []
        time.sleep(0.05)
    return [p for p in pids if pid_alive(p)]


@kernel_check
def restart_and_shutdown_leave_nothing(ctx):
    km = kernel_manager(ctx.env)
    with patched_environ(ctx.env):
        km.start_kernel(env=ctx.env)
    kc = blocking_client(km)
    try:
        kc.wait_for_ready(timeout=60)
        for round_ in ("restart", "shutdown"):
            run = execute(kc, 'var sleeper = new ChildProcess("sleeper", () -> {\n'
                              '    try { Thread.sleep(600_000); } catch (InterruptedException e) { }\n'
                              '});\nsleeper.start();\nsleeper.pid()', timeout=60)
            check(run.status == "ok", "a child starts", run)
            child = int(plain(run))
            pid = kernel_pid(km)
            family = [pid] + descendants(pid)
            check(child in family, "the child is a descendant of the kernel", family, child)
            if round_ == "restart":
                km.restart_kernel(now=False)
                left = wait_gone(family, 10)
                check(not left, "restart leaves no JVM of the old kernel", left)
                check(not session_files(pid), "restart removes the session's shared-memory files",
                      session_files(pid))
                kc.stop_channels()
                kc = blocking_client(km)
                kc.wait_for_ready(timeout=60)
                run = execute(kc, "1 + 1")
                check(run.status == "ok" and plain(run) == "2", "the restarted kernel answers", run)
            else:
                km.shutdown_kernel(now=False)
                left = wait_gone(family, 10)
                check(not left, "shutdown leaves no JVM", left)
                check(not session_files(pid), "shutdown removes the session's shared-memory files",
                      session_files(pid))
    finally:
        kc.stop_channels()
        if km.has_kernel:
            km.shutdown_kernel(now=True)


@kernel_check
def killed_kernel_leaves_nothing(ctx):
    km = kernel_manager(ctx.env)
    with patched_environ(ctx.env):
        km.start_kernel(env=ctx.env)
    kc = blocking_client(km)
    try:
        kc.wait_for_ready(timeout=60)
        run = execute(kc, 'var doomed = Mp.queue("doomed");\n'
                          'var orphan = new ChildProcess("orphan", () -> {\n'
                          '    try { Thread.sleep(600_000); } catch (InterruptedException e) { }\n'
                          '});\norphan.start();\norphan.pid()', timeout=60)
        check(run.status == "ok", "a queue and a child", run)
        pid = kernel_pid(km)
        family = [pid] + descendants(pid)
        check(session_files(pid), "the session has files", session_files(pid))
        os.kill(pid, 9)
        left = wait_gone(family, 10)
        check(not left, "the children of a killed kernel end", left)
    finally:
        kc.stop_channels()
        km.cleanup_resources() if hasattr(km, "cleanup_resources") else None
    with running_kernel(ctx.env):
        deadline = time.monotonic() + 10
        while session_files(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        check(not session_files(pid), "the next kernel removes the files of the killed one", session_files(pid))


@kernel_check
def spawn_magic_as_the_first_cell(ctx):
    """A fresh kernel whose very first cell is %%spawn (the session may still be starting)."""
    with running_kernel(ctx.env) as (_, kc):
        run = execute(kc, '%%spawn first --wait\nSystem.out.println("first cell child " + Mp.currentProcess().name());',
                      timeout=60)
        check(run.status == "ok", "%%spawn as the first cell of a kernel", run)
        check("first cell child first" in run.stdout, "the child's line under the first cell", run)


@kernel_check
def children_share_a_trained_class_archive(ctx):
    """With -Djproc.child.cds=true the kernel trains a class-data archive for children once, owner-only, and later
    children map it."""
    cache = tempfile.mkdtemp(prefix="jproc-cds-it-")
    env = dict(ctx.env, JPROC_CACHE_DIR=cache,
               JPROC_JAVA_OPTS=(ctx.env.get("JPROC_JAVA_OPTS", "") + " -Djproc.child.cds=true").strip())
    try:
        with running_kernel(env) as (_, kc):
            _archive_checks(kc, cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def _archive_checks(kc, cache):
    """Runs a child, waits for the trained archive, checks its modes and that the next child maps it."""
    run = execute(kc, 'var c1 = Mp.process("cds-1", () -> System.out.println("one")).coldStart(true);\n'
                      'c1.start(); c1.join(); c1.exitCode()', timeout=60)
    check(plain(run) == "0", "a first child", run)
    archive_dir = os.path.join(cache, "cds")
    deadline = time.monotonic() + 60
    archives = []
    while time.monotonic() < deadline and not archives:
        archives = [f for f in os.listdir(archive_dir) if f.endswith(".jsa")] if os.path.isdir(archive_dir) else []
        time.sleep(0.2)
    check(archives, "an archive was trained in the cache directory", os.listdir(cache))
    check(oct(os.stat(archive_dir).st_mode & 0o777) == "0o700", "the cache directory is owner-only",
          oct(os.stat(archive_dir).st_mode))
    mode = os.stat(os.path.join(archive_dir, archives[0])).st_mode & 0o777
    check(mode & 0o077 == 0, "the archive is owner-only", oct(mode))
    run = execute(kc, 'var c2 = Mp.process("cds-2", () -> { System.out.println("two"); '
                      'try { Thread.sleep(30_000); } catch (InterruptedException e) { } }).coldStart(true);\n'
                      'c2.start(); c2.pid()', timeout=60)
    pid = int(plain(run))
    with open("/proc/%d/cmdline" % pid, "rb") as f:
        cmdline = f.read().decode(errors="replace").split("\0")
    check(any(a.startswith("-XX:SharedArchiveFile=" + archive_dir) for a in cmdline),
          "a later child maps the archive", cmdline)
    execute(kc, "c2.kill(); c2.join();", timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checks", nargs="*")
    ap.add_argument("--jar")
    args = ap.parse_args()
    wanted = [c for c in CHECKS if not args.checks or c.__name__ in args.checks]
    passed = failed_n = 0
    work = tempfile.mkdtemp(prefix="jproc-kernel-it-")
    log_path = os.path.join(work, "kernel.log")
    with installed_kernelspec(args.jar) as env, open(log_path, "w") as log:
        with running_kernel(env, log=log) as (km, kc):
            ctx = Ctx(env, km, kc, log_path, work)
            for fn in wanted:
                t0 = time.monotonic()
                try:
                    fn(ctx)
                    passed += 1
                    print("CHECK %s PASS %.2f" % (fn.__name__, time.monotonic() - t0), flush=True)
                except Exception as e:  # noqa: BLE001 - every failure is reported, the next check runs
                    failed_n += 1
                    reason = str(e).splitlines()[0] if str(e) else type(e).__name__
                    print("CHECK %s FAIL %.2f %s" % (fn.__name__, time.monotonic() - t0, reason), flush=True)
                    print("DETAIL %s\n%s" % (fn.__name__, traceback.format_exc()), flush=True)
                    drain_iopub(kc, 0.5)
                    if not km.is_alive():
                        print("DETAIL kernel died; log:\n" + ctx.log()[-5000:], flush=True)
                        break
    print("CHECKS passed=%d failed=%d" % (passed, failed_n), flush=True)
    return 0 if failed_n == 0 and passed == len(wanted) else 1


if __name__ == "__main__":
    sys.exit(main())
