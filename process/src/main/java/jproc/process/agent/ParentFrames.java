package jproc.process.agent;

import java.util.function.Consumer;

/**
 * Frames the parent sends on the child's stdin after SPAWN (the pool protocol). The handler runs on the
 * parent-watch thread: it must hand frames on quickly (to a queue), so that the end of stdin, which means the
 * parent died, is noticed at once.
 */
public final class ParentFrames {
    private ParentFrames() {
    }

    /** Sets the receiver of further frames; frames that arrive while none is set are dropped. */
    public static void setHandler(Consumer<byte[]> handler) {
        ParentWatch.setHandler(handler);
    }
}
