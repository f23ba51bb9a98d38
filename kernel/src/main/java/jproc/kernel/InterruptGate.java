package jproc.kernel;

/**
 * Lets {@link Thread#interrupt()} reach a thread only inside a region that expects it (a magic running on the
 * request thread), and clears any interrupt when the region ends: an interrupt must never land while the thread
 * uses a socket channel, which would close it.
 */
final class InterruptGate {
    private Thread inside;

    /** Opens the region on the calling thread. */
    synchronized void enter() {
        inside = Thread.currentThread();
    }

    /** Closes the region and clears the calling thread's interrupt status. */
    synchronized void leave() {
        inside = null;
        Thread.interrupted();
    }

    /** Interrupts the thread inside the region; returns false if there is none. */
    synchronized boolean interrupt() {
        if (inside == null) {
            return false;
        }
        inside.interrupt();
        return true;
    }
}
