package jproc.ipc.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.trace.TraceEvent;

/** A wait lists its thread in the primitive's waiter table only while it sleeps. */
@Timeout(10)
class WaitLoopTest {
    private final WaiterTable table = new WaiterTable(ByteBuffer.allocateDirect(WaiterTable.BYTES)
            .order(ByteOrder.nativeOrder()), 0);

    @Test
    void aSleepingWaitIsListedUntilItIsClosed() {
        try (var w = new WaitLoop(null, TraceEvent.WAIT, "await", WaitLoop.deadline(Duration.ofSeconds(5)), table)) {
            while (!w.sleeping()) {
                assertTrue(table.waiterPids().isEmpty(), "listed before sleeping");
                assertTrue(w.pause());
            }
            assertEquals(List.of(OwnerToken.myPid()), table.waiterPids());
        }
        assertTrue(table.waiterPids().isEmpty());
    }

    @Test
    void aWaitThatTimesOutIsNoLongerListed() {
        try (var w = new WaitLoop(null, TraceEvent.WAIT, "await", WaitLoop.deadline(Duration.ofMillis(200)), table)) {
            while (w.pause()) {
                Thread.onSpinWait();
            }
            assertEquals(w.sleeping(), !table.waiterPids().isEmpty(), "listed exactly when asleep at the deadline");
        }
        assertTrue(table.waiterPids().isEmpty());
    }
}
