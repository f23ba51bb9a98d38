package jproc.kernel.jupyter;

import org.zeromq.ZMQ;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A thread that waits on one socket (blocking poll, no sleeping) and hands each readable event to a body. The
 * thread owns the socket: it closes it when the loop stops, so that no other thread touches it.
 */
final class SocketLoop {
    private static final Logger LOG = Logger.getLogger(SocketLoop.class.getName());
    private static final int POLL_MS = 100;

    private final Thread thread;
    private volatile boolean stopping;

    SocketLoop(String name, ZMQ.Context context, ZMQ.Socket socket, Runnable onReadable, Runnable onStop) {
        thread = new Thread(() -> {
            ZMQ.Poller poller = context.poller(1);
            poller.register(socket, ZMQ.Poller.POLLIN);
            try {
                while (!stopping) {
                    if (poller.poll(POLL_MS) > 0 && poller.pollin(0)) {
                        try {
                            onReadable.run();
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, name + ": handling a message failed", e);
                        }
                    }
                }
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.log(Level.SEVERE, name + " stopped", e);
                }
            } finally {
                poller.close();
                onStop.run();
            }
        }, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks the loop to stop; it closes its socket within {@value #POLL_MS} ms. */
    void stop() {
        stopping = true;
    }

    void join(long millis) {
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
