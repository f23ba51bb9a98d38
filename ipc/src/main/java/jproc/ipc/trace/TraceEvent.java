package jproc.ipc.trace;

/** Kinds of event a process records; the ordinal is written to shared memory, so only append new kinds. */
public enum TraceEvent {
    START, EXIT, PUT, GET, SEND, RECV, ACQUIRE, RELEASE, WAIT, NOTIFY, SET, SIGNAL, BLOCK, UNBLOCK, OWNER_DIED;

    private static final TraceEvent[] VALUES = values();

    /** The kind with this ordinal. */
    public static TraceEvent of(int ordinal) {
        return VALUES[ordinal];
    }
}
