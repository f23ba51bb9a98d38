package jproc.ipc.shm;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import jproc.ipc.ChannelInterruptedException;
import jproc.ipc.trace.TraceChannel;
import jproc.ipc.trace.TraceEvent;

/**
 * How a blocked caller waits for another process: spin briefly (the peer is usually active and answers within
 * microseconds), then yield (which hands the core to a peer sharing it), then sleep with
 * {@link LockSupport#parkNanos} in growing steps capped at {@link #MAX_PARK_NANOS}, or at
 * {@link #LONG_IDLE_PARK_NANOS} once it has slept for a second. There is no cross-process wake-up signal: a sleeper
 * notices the change at its next poll, so waking costs up to 1 ms (2 ms after a long idle period), while an idle
 * waiter uses about 1 % of a core.
 *
 * <p>One instance serves one blocking call of one thread; it is not shared. It reports the wait to the trace
 * ({@code blocked}/{@code unblocked}) once it starts sleeping, never on the spinning fast path. It throws
 * {@link ChannelInterruptedException} as soon as the thread is interrupted (clearing the interrupt status).
 * Given a {@link WaiterTable}, it also lists the calling thread there (for inspection) from the moment it starts
 * sleeping until {@link #close()}.
 * Use it as {@code try (var w = new WaitLoop(...)) { while (!ready()) { if (!w.pause()) return timeout; } }}.
 */
public final class WaitLoop implements AutoCloseable {
    /**
     * Iterations of {@link Thread#onSpinWait()} before yielding: a few microseconds, enough for a peer that runs
     * on another core, short enough that a peer sharing this core is not kept waiting.
     */
    public static final int SPINS = 200;
    /**
     * Iterations of {@link Thread#yield()} before sleeping: each returns at once when nothing else wants the core
     * (so this is still a busy wait, some hundreds of microseconds long) and hands the core to a peer that does.
     */
    public static final int YIELDS = 400;
    /** First sleep. */
    public static final long MIN_PARK_NANOS = 20_000;
    /** Longest sleep between two polls. */
    public static final long MAX_PARK_NANOS = 1_000_000;
    /** Longest sleep once a waiter has slept for {@link #LONG_IDLE_NANOS} (a wake-up costs ~20 us of CPU on a VM). */
    public static final long LONG_IDLE_PARK_NANOS = 5_000_000;
    /** After this long asleep a waiter polls every {@link #LONG_IDLE_PARK_NANOS}. */
    public static final long LONG_IDLE_NANOS = 1_000_000_000;
    /** How often {@link #checkDue()} answers true while sleeping (owner and peer liveness checks). */
    public static final long CHECK_EVERY_NANOS = 10_000_000;

    private final TraceChannel trace;
    private final TraceEvent op;
    private final String opName;
    private final long deadline;
    private final WaiterTable waiters;
    private long waiterToken;
    private int waiterTicket;
    private boolean listed;
    private int step;
    private long park = MIN_PARK_NANOS;
    private boolean blocked;
    private boolean firstCheck = true;
    private long nextCheck;
    private long sleepingSince;

    /**
     * @param trace    the channel's trace handle (may be null)
     * @param op       what the caller waits for, for the trace and {@code %ps}
     * @param opName   the operation's name for error messages ({@code get}, {@code acquire})
     * @param deadline a {@link System#nanoTime()} deadline, or {@link Long#MAX_VALUE} to wait forever
     */
    public WaitLoop(TraceChannel trace, TraceEvent op, String opName, long deadline) {
        this(trace, op, opName, deadline, null);
    }

    /**
     * Like {@link #WaitLoop(TraceChannel, TraceEvent, String, long)}; once the wait starts sleeping, the calling
     * thread ({@link OwnerToken#current()}) is registered in {@code waiters}, and unregistered by {@link #close()}.
     *
     * @param waiters the primitive's waiter table (may be null: nothing is registered)
     */
    public WaitLoop(TraceChannel trace, TraceEvent op, String opName, long deadline, WaiterTable waiters) {
        this.trace = trace;
        this.op = op;
        this.opName = opName;
        this.deadline = deadline;
        this.waiters = waiters;
    }

    /** A deadline {@code timeout} from now; null means forever. Negative timeouts count as zero. */
    public static long deadline(Duration timeout) {
        if (timeout == null) {
            return Long.MAX_VALUE;
        }
        long nanos;
        try {
            nanos = Math.max(0, timeout.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        long now = System.nanoTime();
        long d = now + nanos;
        return d < now ? Long.MAX_VALUE : d;
    }

    /**
     * Waits one step. Returns false once the deadline has passed (the caller reports the timeout).
     *
     * @throws ChannelInterruptedException if the thread is interrupted
     */
    public boolean pause() {
        int s = step++;
        if (s < SPINS) {
            if ((s & 63) == 63) {
                checkInterrupt();
                return deadline == Long.MAX_VALUE || System.nanoTime() - deadline < 0;
            }
            Thread.onSpinWait();
            return true;
        }
        checkInterrupt();
        long now = System.nanoTime();
        if (deadline != Long.MAX_VALUE && now - deadline >= 0) {
            return false;
        }
        if (s < SPINS + YIELDS) {
            Thread.yield();
            return true;
        }
        if (!blocked) {
            blocked = true;
            sleepingSince = now;
            if (trace != null) {
                trace.blocked(op);
            }
            if (waiters != null) {
                waiterToken = OwnerToken.current();
                waiterTicket = waiters.register(waiterToken);
                listed = true;
            }
        }
        long sleep = park;
        if (deadline != Long.MAX_VALUE) {
            sleep = Math.min(sleep, Math.max(1000, deadline - now));
        }
        LockSupport.parkNanos(this, sleep);
        park = Math.min(now - sleepingSince > LONG_IDLE_NANOS ? LONG_IDLE_PARK_NANOS : MAX_PARK_NANOS, park * 2);
        checkInterrupt();
        return true;
    }

    /** True when the caller should run its slow checks (dead owner, dead peer): as sleep starts, then every 10 ms. */
    public boolean checkDue() {
        if (step < SPINS + YIELDS) {
            return false;
        }
        long now = System.nanoTime();
        if (firstCheck || now - nextCheck >= 0) {
            firstCheck = false;
            nextCheck = now + CHECK_EVERY_NANOS;
            return true;
        }
        return false;
    }

    /** True once this wait has started sleeping. */
    public boolean sleeping() {
        return blocked;
    }

    /** The deadline this loop honours. */
    public long deadlineNanos() {
        return deadline;
    }

    private void checkInterrupt() {
        if (Thread.interrupted()) {
            close();
            String kind = trace == null ? "channel" : trace.kind();
            String name = trace == null ? "?" : trace.name();
            throw new ChannelInterruptedException(opName, kind, name);
        }
    }

    /**
     * Ends the wait: reports {@code unblocked} to the trace if it was reported blocked, and unregisters from the
     * waiter table if registered. Idempotent.
     */
    @Override
    public void close() {
        if (blocked) {
            blocked = false;
            if (trace != null) {
                trace.unblocked();
            }
        }
        if (listed) {
            listed = false;
            waiters.unregister(waiterTicket, waiterToken);
        }
    }
}
