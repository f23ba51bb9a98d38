package jproc.magics.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.session.Session;
import jproc.magics.view.ChannelRow;

@Timeout(30)
class ShmChannelsTest {
    @Test
    void aQueueIsReadFromItsFileWithoutConsumingItems() throws Exception {
        try (ProcessQueue<Object> q = ProcessQueue.of("shm-test-q", 10)) {
            q.put(41);
            q.put("forty-two");
            ChannelRow row = new ShmChannels(Session.current()).channels().stream()
                    .filter(r -> r.name().equals("shm-test-q")).findFirst().orElseThrow();
            assertEquals("queue", row.kind());
            assertEquals("2 / 10", row.facts().get("depth"));
            assertEquals("2", row.facts().get("put"));
            assertEquals("0", row.facts().get("got"));
            assertEquals(2, row.items().size(), row.items().toString());
            assertTrue(row.items().get(0).contains("41"), row.items().toString());
            assertTrue(row.items().get(1).contains("forty-two"), row.items().toString());
            assertEquals(2, q.size());
            assertEquals(41, q.get());
        }
    }

    @Test
    void pidsAreNamedAfterTheirProcess() {
        var row = new ChannelRow("queue", "q", Map.of("attached", "pid 7, pid 9"), List.of(), List.of("pid 9 (get)"));
        ChannelRow named = SessionReader.withNames(row, Map.of(9L, "consumer"));
        assertEquals("pid 7, consumer (pid 9)", named.facts().get("attached"));
        assertEquals(List.of("consumer (pid 9) (get)"), named.waiters());
    }
}
