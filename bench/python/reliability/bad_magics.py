"""Bad magic input must get a clear error: the offending word, plus the usage or the closest valid names. Each case
lists fragments that must all appear in what the cell shows (error name, value, traceback, stderr, displays); a
tuple means any one of its alternatives. The kernel must stay usable. Figures: bad_magic_inputs,
bad_magic_unclear.
"""

from rel_common import finding, jproc_client, progress

SETUP = [
    'var relq1 = Mp.queue("queue1");',
    '%%spawn sleepy\ntry { Thread.sleep(600_000); } catch (InterruptedException e) { }',
]

# (cell, fragments that must all appear (case-insensitive); a tuple is a set of alternatives)
CASES = [
    ("%spwan x", ["spwan", "%spawn"]),
    ("%lsmagik", ["lsmagik", "%lsmagic"]),
    ("%join --bogus", ["--bogus", ("usage", "%join NAME")]),
    ("%join", [("usage", "%join NAME")]),
    ("%join sleepy --timeout abc", ["abc", "timeout"]),
    ("%kill sleepyy", ["sleepyy", "sleepy"]),
    ("%terminate nosuchprocessname", ["nosuchprocessname"]),
    ("%inspect queu1", ["queu1", "queue1"]),
    ("%signal sleepy QUIT", ["QUIT", ("HotSpot", "JVM", "thread dump")]),
    ("%signal sleepy USR2", ["USR2", ("HotSpot", "JVM", "JFR", "profil")]),
    ("%signal sleepy BOGUS", ["BOGUS", ("USR1", "TERM", "HUP")]),
    ("%signal", [("usage", "%signal NAME SIG")]),
    ("%interrupt sometimes", ["sometimes", ("cell", "all", "none")]),
    ("%interrupt cell all", [("one mode", "usage")]),
    ("%queue", [("usage", "%queue NAME")]),
    ("%queue q2 --maxsize -3", ["-3", ("maxsize", "usage")]),
    ("%queue q3 --maxsize many", ["many", ("maxsize", "usage")]),
    ("%queue q4 --capacity 1000", ["1000", ("capacity", "power")]),
    ("%value c1 float 1", ["float", "int"]),
    ("%value c2 int notanumber", ["notanumber", "int"]),
    ("%value", [("usage", "%value NAME")]),
    ("%array a1 int -5", ["-5", ("length", "usage")]),
    ("%semaphore s1", [("usage", "PERMITS")]),
    ("%semaphore s2 -1", ["-1", ("permits", "usage")]),
    ("%barrier b1 0", ["0", ("parties", "usage")]),
    ("%pipe", [("usage", "%pipe A B")]),
    ("%condition c9 --lock nosuchlock", ["nosuchlock"]),
    ("%ps extra", ["extra", ("usage", "%ps")]),
    ("%timeline --bogus", ["--bogus", ("usage", "%timeline")]),
    ("%trace maybe", ["maybe", ("on", "off")]),
    ("%help nosuchmagic", ["nosuchmagic"]),
    ("%classpath /no/such/dir/anywhere", ["/no/such/dir/anywhere"]),
    ("%%spawn\nSystem.out.println(1);", [("usage", "%%spawn NAME")]),
    ("%%spawn bad name!\nSystem.out.println(1);", [("name", "usage")]),
    ("%%spawn w1 -n zero\nSystem.out.println(1);", ["zero", ("-n", "usage")]),
]


def shown(run):
    parts = [run.stdout, run.stderr]
    err = run.error
    if err:
        parts += [err.get("ename", ""), err.get("evalue", "")] + list(err.get("traceback", []))
    if run.reply and run.reply["content"].get("status") == "error":
        parts += [run.reply["content"].get("ename", ""), run.reply["content"].get("evalue", "")]
    for m in run.displays:
        parts.append(str(m["content"].get("data", {}).get("text/plain", "")))
    return "\n".join(p for p in parts if p)


def missing(text, fragments):
    low = text.lower()
    out = []
    for f in fragments:
        alts = f if isinstance(f, tuple) else (f,)
        if not any(a.lower() in low for a in alts):
            out.append(" or ".join(repr(a) for a in alts))
    return out


def run(env, log, figures):
    inputs = 0
    unclear = 0
    with jproc_client.running_kernel(env, log=log) as (km, kc):
        for code in SETUP:
            r = jproc_client.execute(kc, code, timeout=60)
            if r.status != "ok":
                finding("bad magic", "set-up failed: %s" % r)
        for code, fragments in CASES:
            inputs += 1
            try:
                r = jproc_client.execute(kc, code, timeout=30)
            except Exception as e:  # noqa: BLE001
                unclear += 1
                finding("bad magic %r" % code, "no answer: %s" % e)
                continue
            text = shown(r)
            problems = []
            if r.status != "error" and not r.error and "usage" not in text.lower():
                problems.append("no error was reported (status %s)" % r.status)
            gone = missing(text, fragments)
            if gone:
                problems.append("the message lacks " + ", ".join(gone))
            after = jproc_client.execute(kc, "1 + 1", timeout=15)
            if (after.result or {}).get("text/plain") != "2":
                problems.append("the kernel did not answer 1 + 1 afterwards (%s)" % " ".join(str(after).split())[:600])
            if problems:
                unclear += 1
                finding("bad magic %r" % code, "; ".join(problems) + "; shown: " + " ".join(text.split())[:400])
        progress("bad magics: %d inputs, %d unclear" % (inputs, unclear))
        jproc_client.execute(kc, "%kill sleepy", timeout=30)
    figures["bad_magic_inputs"] = figures.get("bad_magic_inputs", 0) + inputs
    figures["bad_magic_unclear"] = figures.get("bad_magic_unclear", 0) + unclear
