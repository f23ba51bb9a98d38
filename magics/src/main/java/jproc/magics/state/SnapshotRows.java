package jproc.magics.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jproc.ipc.ChannelKind;
import jproc.ipc.ChannelSnapshot;
import jproc.ipc.pipe.PipeSnapshot;
import jproc.ipc.queue.QueueSnapshot;
import jproc.ipc.sync.BarrierSnapshot;
import jproc.ipc.sync.ConditionSnapshot;
import jproc.ipc.sync.EventSnapshot;
import jproc.ipc.sync.LockSnapshot;
import jproc.ipc.sync.SemaphoreSnapshot;
import jproc.ipc.value.ValueSnapshot;
import jproc.magics.view.ChannelRow;
import jproc.magics.view.Markup;

/** Channel snapshots as view rows: the facts a reader needs, pids written as {@code pid N} (named later). */
final class SnapshotRows {
    private SnapshotRows() {
    }

    /** A snapshot as a view row. */
    static ChannelRow row(ChannelSnapshot s) {
        if (s instanceof QueueSnapshot q) {
            return queue(q);
        }
        if (s instanceof PipeSnapshot p) {
            return pipe(p);
        }
        if (s instanceof LockSnapshot l) {
            return lock(l);
        }
        if (s instanceof ValueSnapshot v) {
            return value(v);
        }
        if (s instanceof SemaphoreSnapshot sem) {
            return semaphore(sem);
        }
        if (s instanceof EventSnapshot e) {
            return event(e);
        }
        if (s instanceof ConditionSnapshot c) {
            return condition(c);
        }
        if (s instanceof BarrierSnapshot bs) {
            return barrier(bs);
        }
        return ChannelRow.of(s.kind().word(), s.name(), Map.of("state", s.summary()));
    }

    static ChannelRow queue(QueueSnapshot q) {
        var f = new LinkedHashMap<String, String>();
        f.put("depth", q.size() + (q.maxItems() > 0 ? " / " + q.maxItems() : " (unbounded)"));
        f.put("put", Markup.count(q.puts()));
        f.put("got", Markup.count(q.gets()));
        if (q.unfinished() > 0 && q.unfinished() != q.puts()) { // equal: nobody calls taskDone, not a joinable use
            f.put("unfinished tasks", Long.toString(q.unfinished()));
        }
        f.put("ring", Markup.bytes(q.usedBytes()) + " of " + Markup.bytes(q.capacityBytes()));
        if (q.producerPid() != 0) {
            f.put("producer lock", "pid " + q.producerPid());
        }
        if (q.takeovers() > 0) {
            f.put("takeovers (producer died)", Long.toString(q.takeovers()));
        }
        f.put("attached", pids(q.attachedPids()));
        var waiters = new ArrayList<String>();
        q.getWaiters().forEach(p -> waiters.add("pid " + p + " (get)"));
        q.putWaiters().forEach(p -> waiters.add("pid " + p + " (put)"));
        return new ChannelRow("queue", q.name(), f, q.head(), waiters);
    }

    static ChannelRow pipe(PipeSnapshot p) {
        var f = new LinkedHashMap<String, String>();
        f.put("direction", p.duplex() ? "duplex" : "one-way (right sends, left receives)");
        f.put("waiting for left", Long.toString(p.waitingForLeft()));
        if (p.duplex()) {
            f.put("waiting for right", Long.toString(p.waitingForRight()));
        }
        f.put("sent to left", Markup.count(p.sentToLeft()));
        if (p.duplex()) {
            f.put("sent to right", Markup.count(p.sentToRight()));
        }
        f.put("left end held by", pids(p.leftHolders()));
        f.put("right end held by", pids(p.rightHolders()));
        f.put("ring", Markup.bytes(p.capacityBytes()) + " each way");
        var waiters = new ArrayList<String>();
        p.receivers().forEach(pid -> waiters.add("pid " + pid + " (recv)"));
        return new ChannelRow("pipe", p.name(), f, p.head(), waiters);
    }

    static ChannelRow lock(LockSnapshot l) {
        var f = new LinkedHashMap<String, String>();
        f.put("owner", l.ownerPid() == 0 ? "free" : "pid " + l.ownerPid()
                + (l.holdCount() > 1 ? " (held " + l.holdCount() + " times)" : ""));
        f.put("acquisitions", Markup.count(l.acquisitions()));
        if (l.ownerDeaths() > 0) {
            f.put("owner died", l.ownerDeaths() + " time(s), last pid " + l.lastDeadPid());
        }
        var waiters = new ArrayList<String>();
        l.waiters().forEach(pid -> waiters.add("pid " + pid + " (acquire)"));
        return new ChannelRow(l.kind().word(), l.name(), f, List.of(), waiters);
    }

    static ChannelRow value(ValueSnapshot v) {
        var f = new LinkedHashMap<String, String>();
        boolean array = v.kind() == ChannelKind.ARRAY;
        f.put("type", v.type().javaName() + (array ? "[" + v.length() + "]" : ""));
        if (array) {
            String shown = v.values().toString();
            f.put("contents", v.length() > v.values().size() ? shown.substring(0, shown.length() - 1) + ", ...]"
                    : shown);
        } else {
            f.put("value", v.values().isEmpty() ? "?" : String.valueOf(v.values().get(0)));
        }
        var waiters = new ArrayList<String>();
        if (v.lock() == null) {
            f.put("lock", "none (created without a lock)");
        } else {
            f.put("lock", v.lock().ownerPid() == 0 ? "free" : "held by pid " + v.lock().ownerPid());
            f.put("lock acquisitions", Markup.count(v.lock().acquisitions()));
            v.lock().waiters().forEach(pid -> waiters.add("pid " + pid + " (lock)"));
        }
        return new ChannelRow(v.kind().word(), v.name(), f, List.of(), waiters);
    }

    static ChannelRow semaphore(SemaphoreSnapshot s) {
        var f = new LinkedHashMap<String, String>();
        f.put("free permits", s.permits() + (s.bound() > 0 ? " of " + s.bound() + " (bounded)" : ""));
        var holders = new ArrayList<String>();
        s.holders().forEach((pid, n) -> holders.add("pid " + pid + (n > 1 ? " x" + n : "")));
        f.put("held by", holders.isEmpty() ? "nobody" : String.join(", ", holders));
        f.put("acquisitions", Markup.count(s.acquisitions()));
        if (s.ownerDeaths() > 0) {
            f.put("holder died", s.ownerDeaths() + " time(s)");
        }
        var waiters = new ArrayList<String>();
        s.waiters().forEach(pid -> waiters.add("pid " + pid + " (acquire)"));
        return new ChannelRow("semaphore", s.name(), f, List.of(), waiters);
    }

    static ChannelRow event(EventSnapshot e) {
        var f = new LinkedHashMap<String, String>();
        f.put("state", e.set() ? "set" : "clear");
        f.put("times set", Markup.count(e.sets()));
        var waiters = new ArrayList<String>();
        e.waiters().forEach(pid -> waiters.add("pid " + pid + " (await)"));
        return new ChannelRow("event", e.name(), f, List.of(), waiters);
    }

    static ChannelRow condition(ConditionSnapshot c) {
        var f = new LinkedHashMap<String, String>();
        f.put("lock", c.lockRef().equals("own") ? "its own" : c.lockRef());
        if (c.lock() != null) {
            f.put("lock owner", c.lock().ownerPid() == 0 ? "free" : "pid " + c.lock().ownerPid());
        }
        f.put("signals", Markup.count(c.signals()));
        var waiters = new ArrayList<String>();
        c.waiting().forEach(pid -> waiters.add("pid " + pid + " (await)"));
        return new ChannelRow("condition", c.name(), f, List.of(), waiters);
    }

    static ChannelRow barrier(BarrierSnapshot b) {
        var f = new LinkedHashMap<String, String>();
        f.put("parties", Integer.toString(b.parties()));
        f.put("arrived", b.arrived() + " of " + b.parties());
        f.put("rounds completed", Markup.count(b.rounds()));
        if (b.broken()) {
            f.put("state", "broken (reset() it)");
        }
        var waiters = new ArrayList<String>();
        b.waiters().forEach(pid -> waiters.add("pid " + pid + " (await)"));
        return new ChannelRow("barrier", b.name(), f, List.of(), waiters);
    }

    static String pids(List<Long> pids) {
        if (pids.isEmpty()) {
            return "none";
        }
        var b = new StringBuilder();
        for (Long p : pids) {
            b.append(b.length() == 0 ? "" : ", ").append("pid ").append(p);
        }
        return b.toString();
    }
}
