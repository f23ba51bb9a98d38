package jproc.ipc;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.queue.QueueDescriptor;
import jproc.ipc.shm.HeaderDescriptor;
import jproc.ipc.shm.SharedFile;
import jproc.ipc.shm.ShmAccess;
import jproc.ipc.sync.BarrierDescriptor;
import jproc.ipc.sync.ProcessBarrier;
import jproc.ipc.testing.SessionFilesForTest;
import jproc.ipc.value.SharedInt;
import jproc.ipc.value.ValueDescriptor;

/** Every layout has a validator; a file that breaks it is refused with the rule and the values. */
class DescriptorValidationTest {
    @Test
    void aQueueFileWithABadCapacityIsRefusedByName() {
        String n = SessionFilesForTest.unique("bad");
        try (ProcessQueue<Integer> q = ProcessQueue.of(n); var f = SharedFile.open(ChannelKind.QUEUE, n, null)) {
            assertNull(QueueDescriptor.validate(f.buffer()));
            int at = HeaderDescriptor.paramOffset(QueueDescriptor.PARAM_CAPACITY);
            long good = (long) ShmAccess.LONGS.get(f.buffer(), at);
            ShmAccess.LONGS.set(f.buffer(), at, 1000L);
            try {
                var e = assertThrows(ChannelLayoutException.class, () -> Channels.snapshot(ChannelKind.QUEUE, n));
                assertTrue(e.getMessage().contains("power of 2") && e.getMessage().contains("capacity=1000"),
                        e.getMessage());
            } finally {
                ShmAccess.LONGS.set(f.buffer(), at, good);
            }
        }
    }

    @Test
    void valuesAndBarriersValidateTheirParameters() {
        try (var v = SharedInt.of(SessionFilesForTest.unique("okv"), 1);
             var b = ProcessBarrier.of(SessionFilesForTest.unique("okb"), 2);
             var fv = SharedFile.open(ChannelKind.VALUE, v.name(), null);
             var fb = SharedFile.open(ChannelKind.BARRIER, b.name(), null)) {
            assertNull(ValueDescriptor.validate(fv.buffer()));
            assertNull(BarrierDescriptor.validate(fb.buffer()));
            int at = HeaderDescriptor.paramOffset(ValueDescriptor.PARAM_TYPE);
            ShmAccess.LONGS.set(fv.buffer(), at, 42L);
            try {
                assertTrue(ValueDescriptor.validate(fv.buffer()).contains("type=42"));
            } finally {
                ShmAccess.LONGS.set(fv.buffer(), at, 1L);
            }
        }
    }
}
