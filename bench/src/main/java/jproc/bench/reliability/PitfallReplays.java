package jproc.bench.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jproc.ipc.codec.MessageNotSerializableException;
import jproc.ipc.pipe.EndOfStreamException;
import jproc.ipc.pipe.ProcessPipe;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.sync.OwnerDiedException;
import jproc.ipc.sync.ProcessLock;
import jproc.ipc.value.SharedInt;
import jproc.process.ChildOutput;
import jproc.process.ChildProcess;
import jproc.process.ChildStream;
import jproc.process.NotCopyableException;
import jproc.process.SerializableRunnable;

/** The replays themselves (see {@link Pitfalls}); the parent-death ones are in {@link ParentDeathReplays}. */
final class PitfallReplays implements AutoCloseable {
    private final String tag = "pit-" + ProcessHandle.current().pid();
    private final ChildLog log;
    private final ParentDeathReplays parentDeath;

    PitfallReplays(RunOptions options, Workdir work, ChildLog log) {
        this.log = log;
        this.parentDeath = new ParentDeathReplays(work);
    }

    List<Pitfall> all() {
        var list = new ArrayList<Pitfall>();
        list.add(new Pitfall("lost_updates_with_lock", "counter.value += 1 from 4 processes loses updates unless "
                + "every update holds get_lock()", this::lockedCounter));
        list.add(new Pitfall("child_works_on_a_copy", "a child's changes to a global never reach the parent, which "
                + "surprises people who expect shared memory", this::copySemantics));
        list.add(new Pitfall("join_before_get_large_item", "joining a child before getting the >64 KiB item it put "
                + "deadlocks (the child waits for its feeder thread to flush the pipe)", this::joinBeforeGetLarge));
        list.add(new Pitfall("join_before_get_many_items", "joining a child before getting the 500 KiB it put as "
                + "small items deadlocks", this::joinBeforeGetMany));
        list.add(new Pitfall("uncopyable_target_fails_at_start", "an unpicklable target or argument fails late or "
                + "with an opaque pickling error", this::uncopyableTarget));
        list.add(new Pitfall("unserializable_message_fails_in_put", "Queue.put of an unpicklable object returns, "
                + "the error surfaces in the feeder thread and the item is silently lost", this::unserializablePut));
        list.add(new Pitfall("exception_in_child_is_reported", "an exception in a child only reaches the child's "
                + "stderr; the parent sees exitcode 1", this::exceptionInChild));
        list.add(new Pitfall("terminate_while_holding_lock", "terminating a process that holds a Lock leaves it "
                + "locked forever: the next acquire() hangs", this::terminateHoldingLock));
        list.add(new Pitfall("kill_while_using_queue", "terminating a process that uses a Queue may corrupt it for "
                + "the others", this::killUsingQueue));
        list.add(new Pitfall("recv_from_dead_peer", "recv() on a Pipe whose peer died hangs while another handle "
                + "of the sending end stays open", this::recvDeadPeer));
        list.add(new Pitfall("queue_handle_through_queue", "a Queue cannot be sent through a Queue (RuntimeError: "
                + "Queue objects should only be shared between processes through inheritance)", this::handleThrough));
        list.add(new Pitfall("child_output_unbuffered", "a child's print() to a pipe stays in its buffer until it "
                + "exits or flushes", this::outputNotBuffered));
        list.add(new Pitfall("no_zombie_without_join", "a child that ends and is never joined stays a zombie",
                this::noZombie));
        list.addAll(parentDeath.all());
        return list;
    }

    private ChildProcess start(ChildProcess p) {
        p.output(log);
        p.start();
        return p;
    }

    private String lockedCounter() {
        try (var v = SharedInt.of(tag + "-counter", 0, true)) {
            var kids = new ArrayList<ChildProcess>();
            for (int i = 0; i < 4; i++) {
                kids.add(start(new ChildProcess("pit-counter-" + i, PitfallWorkers::lockedIncrements, 10_000, v)));
            }
            kids.forEach(ChildProcess::join);
            return v.get() == 40_000 ? null : "4 processes x 10 000 locked increments gave " + v.get();
        }
    }

    private String copySemantics() {
        int[] box = {7};
        try (ProcessQueue<Integer> report = ProcessQueue.of(tag + "-copy")) {
            start(new ChildProcess("pit-copy", PitfallWorkers::changeCopy, box, report)).join();
            int seen = report.get(Duration.ofSeconds(10));
            int changed = report.get(Duration.ofSeconds(10));
            var p = Pitfalls.problems();
            if (seen != 7 || changed != 99) {
                p.add("the child saw " + seen + " and changed it to " + changed + " (expected 7 and 99)");
            }
            if (box[0] != 7) {
                p.add("the parent's value changed to " + box[0]);
            }
            return Pitfalls.join(p);
        }
    }

    private String joinBeforeGetLarge() {
        int size = 2 * 1024 * 1024;
        try (ProcessQueue<byte[]> q = ProcessQueue.of(tag + "-large")) {
            var c = start(new ChildProcess("pit-large", PitfallWorkers::putLarge, size, q));
            if (!c.join(Duration.ofSeconds(20))) {
                c.kill();
                return "join() did not return within 20 s: the child could not finish before its item was taken";
            }
            byte[] b = q.get(Duration.ofSeconds(10));
            for (int i = 0; i < b.length; i++) {
                if (b[i] != (byte) (i * 31)) {
                    return "the item came back damaged at byte " + i;
                }
            }
            return b.length == size ? null : "the item came back with " + b.length + " bytes";
        }
    }

    private String joinBeforeGetMany() {
        try (ProcessQueue<byte[]> q = ProcessQueue.of(tag + "-many")) {
            var c = start(new ChildProcess("pit-many", PitfallWorkers::putMany, 500, q));
            if (!c.join(Duration.ofSeconds(20))) {
                c.kill();
                return "join() did not return within 20 s";
            }
            int n = 0;
            while (q.poll() != null) {
                n++;
            }
            return n == 500 ? null : "got " + n + " of 500 items";
        }
    }

    private String uncopyableTarget() {
        var thread = new Thread(() -> { }, "not-copyable");
        SerializableRunnable target = () -> System.out.println(thread.getName());
        var p = new ChildProcess("pit-uncopyable", target);
        try {
            p.start();
            p.kill();
            return "start() accepted a target that captures a Thread";
        } catch (NotCopyableException e) {
            return e.getMessage().contains("java.lang.Thread") ? null : "the error does not name the type: "
                    + e.getMessage();
        }
    }

    private String unserializablePut() {
        try (ProcessQueue<Object> q = ProcessQueue.of(tag + "-unserializable")) {
            try {
                q.put(new Object());
                return "put() of a java.lang.Object returned normally";
            } catch (MessageNotSerializableException e) {
                var p = Pitfalls.problems();
                if (!e.getMessage().contains("java.lang.Object")) {
                    p.add("the error does not name the type: " + e.getMessage());
                }
                if (q.poll() != null) {
                    p.add("something arrived in the queue anyway");
                }
                q.put("still works");
                if (!"still works".equals(q.get(Duration.ofSeconds(5)))) {
                    p.add("the queue does not work after the failed put");
                }
                return Pitfalls.join(p);
            }
        }
    }

    private String exceptionInChild() {
        var lines = new StringBuffer();
        var p = new ChildProcess("pit-throw", PitfallWorkers::throwInChild).output((name, pid) -> new ChildOutput() {
            @Override
            public void line(ChildStream stream, String text) {
                if (stream == ChildStream.STDERR) {
                    lines.append(text).append('\n');
                }
            }

            @Override
            public void closed() {
            }
        });
        p.start();
        p.join();
        var problems = Pitfalls.problems();
        if (p.exitCode() == null || p.exitCode() != 1) {
            problems.add("exit code " + p.exitCode() + ", expected 1");
        }
        if (!lines.toString().contains("IllegalStateException") || !lines.toString().contains("boom in the child")) {
            problems.add("the exception is not on the child's stderr as delivered to the parent: " + lines);
        }
        return Pitfalls.join(problems);
    }

    private String terminateHoldingLock() {
        try (ProcessLock lock = ProcessLock.of(tag + "-lock"); ProcessQueue<String> ready = ProcessQueue.of(tag
                + "-lock-ready")) {
            var c = start(new ChildProcess("pit-lock-holder", PitfallWorkers::holdLock, lock, ready));
            ready.get(Duration.ofSeconds(20));
            c.terminate();
            c.join(Duration.ofSeconds(10));
            try {
                if (lock.acquire(Duration.ofSeconds(10))) {
                    lock.release();
                    return "the lock was free without an owner-died report";
                }
                return "acquire() waited 10 s for a lock whose holder was terminated";
            } catch (OwnerDiedException e) {
                if (!lock.acquire(Duration.ofSeconds(5))) {
                    return "after the owner-died report the lock could not be taken";
                }
                lock.release();
                return e.deadPid() == c.pid() ? null : "the report names pid " + e.deadPid() + ", not " + c.pid();
            }
        }
    }

    private String killUsingQueue() {
        try (ProcessQueue<Long> q = ProcessQueue.of(tag + "-killed")) {
            var c = start(new ChildProcess("pit-putter", PitfallWorkers::putForever, q));
            long last = -1;
            for (int i = 0; i < 20_000; i++) {
                long v = q.get(Duration.ofSeconds(20));
                if (v != last + 1) {
                    return "item " + v + " after " + last;
                }
                last = v;
            }
            c.kill();
            c.join();
            Long v;
            while ((v = q.poll()) != null) {
                if (v != last + 1) {
                    return "after the kill, item " + v + " after " + last;
                }
                last = v;
            }
            q.put(-5L);
            Long probe = q.get(Duration.ofSeconds(5));
            return probe == -5L ? null : "the queue returned " + probe + " instead of the probe";
        }
    }

    private String recvDeadPeer() {
        try (var pipe = ProcessPipe.of(tag + "-pipe")) {
            var c = start(new ChildProcess("pit-sender", PitfallWorkers::sendThenWait, pipe.right()));
            Object first = pipe.left().recv(Duration.ofSeconds(20));
            c.kill();
            c.join();
            long t0 = System.nanoTime();
            try {
                Object more = pipe.left().recv(Duration.ofSeconds(10));
                return "recv() after the peer died returned " + more;
            } catch (EndOfStreamException e) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                return "one message".equals(first) ? (ms < 5_000 ? null : "end of stream came after " + ms + " ms")
                        : "the first message was " + first;
            } catch (RuntimeException e) {
                return "recv() after the peer died threw " + e + " instead of end of stream";
            }
        }
    }

    private String handleThrough() {
        try (ProcessQueue<ProcessQueue<String>> handles = ProcessQueue.of(tag + "-handles");
             ProcessQueue<String> answers = ProcessQueue.of(tag + "-answers")) {
            var c = start(new ChildProcess("pit-handle", PitfallWorkers::answerThroughReceivedHandle, handles));
            handles.put(answers);
            String a = answers.get(Duration.ofSeconds(20));
            c.join(Duration.ofSeconds(10));
            return a.startsWith("answer through") ? null : "got " + a;
        }
    }

    private String outputNotBuffered() {
        long[] at = {0};
        long t0 = System.nanoTime();
        var c = new ChildProcess("pit-print", PitfallWorkers::printThenSleep).output((name, pid) -> new ChildOutput() {
            @Override
            public void line(ChildStream stream, String text) {
                if (text.contains("printed before sleeping")) {
                    at[0] = System.nanoTime();
                }
            }

            @Override
            public void closed() {
            }
        });
        c.start();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (at[0] == 0 && System.nanoTime() < deadline) {
            Reliability.sleep(10);
        }
        boolean alive = c.isAlive();
        c.kill();
        c.join();
        if (at[0] == 0) {
            return "the line did not arrive while the child slept";
        }
        return alive ? null : "the child had already ended when the line arrived";
    }

    private String noZombie() {
        var c = start(new ChildProcess("pit-quick", PitfallWorkers::quickExit));
        long pid = c.pid();
        Reliability.sleep(2_000);
        boolean zombie = ParentDeathReplays.state(pid).equals("Z");
        return zombie ? "process " + pid + " is a zombie 2 s after it ended" : null;
    }

    @Override
    public void close() {
        parentDeath.close();
    }
}
