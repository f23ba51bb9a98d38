package jproc.magics.view;

/**
 * A process holding a lock-like channel (a lock, an rlock, a semaphore permit), from the channel snapshots.
 *
 * @param kind     the channel kind ({@code lock}, {@code rlock}, {@code semaphore}...)
 * @param name     the channel name
 * @param ownerPid the holding process
 */
public record LockHolding(String kind, String name, long ownerPid) {
}
