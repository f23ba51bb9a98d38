package jproc.bench.reliability;

import java.lang.reflect.Field;

import jproc.ipc.codec.Encoded;
import jproc.ipc.codec.MessageTags;
import jproc.ipc.queue.ProcessQueue;
import jproc.ipc.shm.RingEndpoint;

/**
 * Writes a crafted serialization stream into a queue as a {@code SERIALIZED} message, the way a hostile process
 * with access to the session's shared memory could, bypassing the sender-side checks of the codec. Uses the queue's
 * ring endpoint (a private field of {@code MappedProcessQueue}); if that shape changes, the error says so.
 */
final class RawInjector {
    private RawInjector() {
    }

    static void inject(ProcessQueue<?> queue, byte[] stream) {
        RingEndpoint endpoint;
        try {
            Field f = queue.getClass().getDeclaredField("endpoint");
            f.setAccessible(true);
            endpoint = (RingEndpoint) f.get(queue);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot reach the ring endpoint of " + queue.getClass().getName()
                    + " to inject a raw message; update RawInjector to the queue's current layout: " + e, e);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        if (!endpoint.sendEncoded(new Encoded(MessageTags.SERIALIZED, stream), deadline, true, () -> { })) {
            throw new IllegalStateException("the queue had no room for an injected message of " + stream.length
                    + " bytes within 10 s");
        }
    }
}
