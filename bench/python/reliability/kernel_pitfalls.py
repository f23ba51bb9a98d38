"""Python multiprocessing pitfalls that bite in notebooks, replayed in the JProc kernel. Each returns None when
JProc avoids the pitfall, else what went wrong. Figures: python_pitfalls_trials, python_pitfalls_failed (added to
the ones the Java side replays).
"""

import time
from queue import Empty

from rel_common import finding, jproc_client, progress


def text_of(run):
    return (run.result or {}).get("text/plain", "")


def notebook_function_in_child(kc):
    """Python + spawn (macOS, Windows, and `set_start_method('spawn')`): a function defined in a notebook cell cannot
    be found by the child ("Can't get attribute 'f' on <module '__main__'>")."""
    jproc_client.execute(kc, "int relSquare(int x) { return x * x; }")
    r = jproc_client.execute(kc, 'var pfq = Mp.<Integer>queue("pf-square"); '
                                 'var pfp = Mp.process("pf-square", () -> pfq.put(relSquare(7))); '
                                 'pfp.start(); pfp.join(); pfq.get(java.time.Duration.ofSeconds(20))', timeout=60)
    return None if text_of(r) == "49" else "expected 49 from the child, got %s" % r


def notebook_record_through_queue(kc):
    """Python + spawn: instances of a class defined in the notebook cannot be unpickled in the child."""
    jproc_client.execute(kc, "record RelPoint(int x, int y) { }")
    r = jproc_client.execute(kc, 'var pfr = Mp.<RelPoint>queue("pf-record"); '
                                 'var pfc = Mp.process("pf-record", () -> pfr.put(new RelPoint(3, 4))); '
                                 'pfc.start(); pfc.join(); pfr.get(java.time.Duration.ofSeconds(20))', timeout=60)
    return None if "RelPoint[x=3, y=4]" in text_of(r) else "expected RelPoint[x=3, y=4], got %s" % r


def lambda_target(kc):
    """Python + spawn: a lambda target cannot be pickled ("Can't pickle <function <lambda>>")."""
    r = jproc_client.execute(kc, 'var pfl = Mp.<String>queue("pf-lambda"); int base = 40; '
                                 'var pfx = Mp.process(() -> pfl.put("got " + (base + 2))); pfx.start(); pfx.join(); '
                                 'pfl.get(java.time.Duration.ofSeconds(20))', timeout=60)
    return None if "got 42" in text_of(r) else "expected \"got 42\", got %s" % r


def pool_in_notebook(kc):
    """Python: Pool.map with a notebook-defined function hangs or fails under spawn in Jupyter."""
    r = jproc_client.execute(kc, 'try (var pfpool = Mp.pool(2)) { pfpool.map(x -> relSquare(x), '
                                 'java.util.List.of(1, 2, 3, 4)) }', timeout=90)
    if r.status != "ok":
        r = jproc_client.execute(kc, 'var pfpool = Mp.pool(2); var pfres = pfpool.map(x -> relSquare(x), '
                                     'java.util.List.of(1, 2, 3, 4)); pfpool.close(); pfres', timeout=90)
    return None if "[1, 4, 9, 16]" in text_of(r) else "expected [1, 4, 9, 16], got %s" % r


def child_output_in_notebook(kc):
    """Python: a child's print() goes to the terminal that started Jupyter (spawn) or is lost, not under the cell."""
    r = jproc_client.execute(kc, '%%spawn pf-printer --wait\nSystem.out.println("hello from the child");',
                             timeout=60)
    return None if "hello from the child" in r.stdout + "".join(
        str(m["content"].get("data", {})) for m in r.displays + r.updates) else "the child's line is not under " \
        "its cell: %s" % r


def late_output_under_its_cell(kc):
    """ipykernel: output printed by a background worker after its cell finished lands under whatever cell runs
    now."""
    first = jproc_client.execute(kc, '%%spawn pf-late\ntry { Thread.sleep(1500); } catch (InterruptedException e) '
                                     '{ }\nSystem.out.println("late line from the child");', timeout=30)
    first_id = first.reply["parent_header"]["msg_id"]
    seen = []
    second = jproc_client.execute(kc, 'Thread.sleep(3000); "second"', timeout=30,
                                  on_message=lambda m: seen.append(m))
    seen += jproc_client.drain_iopub(kc, 1.5)
    under = [m for m in seen if "late line from the child" in str(m.get("content"))]
    if not under:
        return "the late line never arrived"
    first_displays = {m["content"].get("transient", {}).get("display_id") for m in first.displays + first.updates}
    first_displays.discard(None)
    for m in under:
        if m["parent_header"].get("msg_id") == first_id:
            continue
        display = m["content"].get("transient", {}).get("display_id")
        if m["msg_type"] == "update_display_data" and display in first_displays:
            continue  # an update of a display the first cell created: frontends show it under that cell
        return "the late line arrived as %s under another cell (parent %s, expected %s or an update of displays %s)" % (
            m["msg_type"], m["parent_header"].get("msg_id"), first_id, sorted(first_displays))
    return None


def exception_in_child_is_visible(kc):
    """Python: an exception in a Process target only prints to the child's stderr (invisible in Jupyter) and the
    parent sees exitcode 1 with no cause."""
    r = jproc_client.execute(kc, 'var pfe = Mp.process("pf-boom", () -> { throw new IllegalStateException('
                                 '"boom in child"); }); pfe.start(); pfe.join(); pfe.exitCode()', timeout=60)
    shown = r.stdout + r.stderr + str([m["content"] for m in r.displays + r.updates])
    problems = []
    if text_of(r) != "1":
        problems.append("exit code %s, expected 1" % text_of(r))
    if "boom in child" not in shown:
        problems.append("the child's exception is not shown under the cell")
    return "; ".join(problems) or None


PITFALLS = [notebook_function_in_child, notebook_record_through_queue, lambda_target, pool_in_notebook,
            child_output_in_notebook, late_output_under_its_cell, exception_in_child_is_visible]


def run(env, log, figures):
    trials = 0
    failed = 0
    with jproc_client.running_kernel(env, log=log) as (km, kc):
        for p in PITFALLS:
            trials += 1
            try:
                why = p(kc)
            except Exception as e:  # noqa: BLE001
                why = "the replay failed: %s" % " ".join(str(e).split())[:800]
            progress("pitfall %s: %s" % (p.__name__, "avoided" if why is None else "NOT avoided"))
            if why is not None:
                failed += 1
                finding("pitfall " + p.__name__, " ".join(why.split())[:1200])
    figures["python_pitfalls_trials"] = figures.get("python_pitfalls_trials", 0) + trials
    figures["python_pitfalls_failed"] = figures.get("python_pitfalls_failed", 0) + failed
