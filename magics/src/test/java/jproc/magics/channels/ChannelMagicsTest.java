package jproc.magics.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.pipe.PipeConnection;
import jproc.ipc.pipe.ProcessPipe;
import jproc.ipc.queue.ProcessQueue;
import jproc.kernel.magic.MagicUsageError;
import jproc.magics.inspect.InspectMagic;
import jproc.magics.support.RecordingContext;

@Timeout(30)
class ChannelMagicsTest {
    private final RecordingContext ctx = new RecordingContext();

    @Test
    void queueBecomesAVariableOfThatName() {
        new QueueMagic().run(ctx, List.of("cmjobs", "--maxsize", "3"), null);
        @SuppressWarnings("unchecked")
        var q = (ProcessQueue<Object>) ctx.vars.get("cmjobs");
        try {
            assertEquals("cmjobs", q.name());
            assertEquals(3, q.maxItems());
        } finally {
            q.close();
        }
    }

    @Test
    void pipeEndsBecomeTwoVariablesAndInspectFindsThePipeByEitherEnd() {
        new PipeMagic().run(ctx, List.of("cmParent", "cmChild"), null);
        var parent = (PipeConnection) ctx.vars.get("cmParent");
        var child = (PipeConnection) ctx.vars.get("cmChild");
        try {
            child.send("hi");
            assertEquals("hi", parent.recv());
            new InspectMagic().run(ctx, List.of("cmChild"), null);
            assertTrue(ctx.lastText().startsWith("pipe cmParent-cmChild"), ctx.lastText());
        } finally {
            parent.close();
            child.close();
        }
        new PipeMagic().run(ctx, List.of("cmWhole", "--one-way"), null);
        ((ProcessPipe) ctx.vars.get("cmWhole")).close();
    }

    @Test
    void lockShowsItsOwnerInInspect() {
        new LockMagic().run(ctx, List.of("cmLock"), null);
        new RLockMagic().run(ctx, List.of("cmRLock"), null);
        var lock = (jproc.ipc.sync.ProcessLock) ctx.vars.get("cmLock");
        var rlock = (jproc.ipc.sync.ProcessRLock) ctx.vars.get("cmRLock");
        try {
            lock.acquire();
            new InspectMagic().run(ctx, List.of("cmLock"), null);
            assertTrue(ctx.lastText().matches("(?s).*owner +main \\(pid " + ProcessHandle.current().pid() + "\\).*"),
                    ctx.lastText());
            lock.release();
            rlock.acquire();
            rlock.acquire();
            new InspectMagic().run(ctx, List.of("cmRLock"), null);
            assertTrue(ctx.lastText().contains("(held 2 times)"), ctx.lastText());
            rlock.release();
            rlock.release();
            new InspectMagic().run(ctx, List.of("cmLock"), null);
            assertTrue(ctx.lastText().matches("(?s).*owner +free.*"), ctx.lastText());
        } finally {
            lock.close();
            rlock.close();
        }
    }

    @Test
    void valuesAndArraysShowTheirContents() {
        new ValueMagic().run(ctx, List.of("cmCount", "int", "41"), null);
        new ArrayMagic().run(ctx, List.of("cmSamples", "double", "3", "--no-lock"), null);
        var count = (jproc.ipc.value.SharedInt) ctx.vars.get("cmCount");
        var samples = (jproc.ipc.value.SharedDoubleArray) ctx.vars.get("cmSamples");
        try {
            count.incrementAndGet();
            samples.set(1, 2.5);
            new InspectMagic().run(ctx, List.of("cmCount"), null);
            assertTrue(ctx.lastText().matches("(?s).*value +42.*"), ctx.lastText());
            new InspectMagic().run(ctx, List.of("cmSamples"), null);
            assertTrue(ctx.lastText().contains("[0.0, 2.5, 0.0]"), ctx.lastText());
            assertTrue(ctx.lastText().contains("none (created without a lock)"), ctx.lastText());
        } finally {
            count.close();
            samples.close();
        }
        assertThrows(MagicUsageError.class, () -> new ValueMagic().run(ctx, List.of("v", "float"), null));
        assertThrows(MagicUsageError.class, () -> new ValueMagic().run(ctx, List.of("v", "int", "x"), null));
        assertThrows(MagicUsageError.class, () -> new ArrayMagic().run(ctx, List.of("a", "int", "0"), null));
    }

    @Test
    void semaphoreEventAndConditionShowTheirState() {
        new SemaphoreMagic().run(ctx, List.of("cmSlots", "3"), null);
        new EventMagic().run(ctx, List.of("cmReady"), null);
        new LockMagic().run(ctx, List.of("cmShared"), null);
        new ConditionMagic().run(ctx, List.of("cmChanged", "--lock", "cmShared"), null);
        var slots = (jproc.ipc.sync.ProcessSemaphore) ctx.vars.get("cmSlots");
        var ready = (jproc.ipc.sync.ProcessEvent) ctx.vars.get("cmReady");
        var shared = (jproc.ipc.sync.ProcessLock) ctx.vars.get("cmShared");
        var changed = (jproc.ipc.sync.ProcessCondition) ctx.vars.get("cmChanged");
        try {
            slots.acquire();
            new InspectMagic().run(ctx, List.of("cmSlots"), null);
            assertTrue(ctx.lastText().matches("(?s).*free permits +2.*"), ctx.lastText());
            assertTrue(ctx.lastText().matches("(?s).*held by +main \\(pid \\d+\\).*"), ctx.lastText());
            slots.release();
            ready.set();
            new InspectMagic().run(ctx, List.of("cmReady"), null);
            assertTrue(ctx.lastText().matches("(?s).*state +set.*"), ctx.lastText());
            new InspectMagic().run(ctx, List.of("cmChanged"), null);
            assertTrue(ctx.lastText().startsWith("condition cmChanged"), ctx.lastText());
        } finally {
            slots.close();
            ready.close();
            changed.close();
            shared.close();
        }
        assertTrue(assertThrows(MagicUsageError.class, () -> new ConditionMagic().run(ctx,
                List.of("c2", "--lock", "nothing"), null)).getMessage().startsWith("--lock names no notebook variable"));
        assertThrows(MagicUsageError.class, () -> new SemaphoreMagic().run(ctx, List.of("s2", "-1"), null));
        new BarrierMagic().run(ctx, List.of("cmGate", "2"), null);
        var gate = (jproc.ipc.sync.ProcessBarrier) ctx.vars.get("cmGate");
        try {
            new InspectMagic().run(ctx, List.of("cmGate"), null);
            assertTrue(ctx.lastText().matches("(?s).*arrived +0 of 2.*"), ctx.lastText());
        } finally {
            gate.close();
        }
        assertThrows(MagicUsageError.class, () -> new BarrierMagic().run(ctx, List.of("b2", "0"), null));
    }

    @Test
    void namesMustBeJavaIdentifiers() {
        var q = new QueueMagic();
        assertTrue(assertThrows(MagicUsageError.class, () -> q.run(ctx, List.of("1st"), null)).getMessage()
                .startsWith("the name becomes a Java variable"));
        assertThrows(MagicUsageError.class, () -> q.run(ctx, List.of("class"), null));
        assertThrows(MagicUsageError.class, () -> q.run(ctx, List.of("ok", "--capacity", "5000"), null));
        assertThrows(MagicUsageError.class, () -> new PipeMagic().run(ctx, List.of("a", "a"), null));
    }
}
