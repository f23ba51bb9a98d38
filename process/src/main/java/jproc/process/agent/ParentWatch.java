package jproc.process.agent;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.function.Consumer;

import jproc.process.spawn.WireReader;

/**
 * Reads the child's stdin after the SPAWN frame (which the main thread reads): hands further frames (the pool protocol) to a handler, and
 * when the stream ends (the parent exited or was killed, even by SIGKILL, so the kernel closed the pipe) ends
 * this JVM: shutdown hooks get 300 ms, then the JVM halts.
 *
 * <p>It reads through an interruptible {@link java.nio.channels.FileChannel}: HotSpot delays the exit of a JVM by
 * 300 ms while any thread sits in a native read, so the exit reporter interrupts this thread when the JVM shuts
 * down.
 */
final class ParentWatch extends Thread {
    private static volatile Consumer<byte[]> handler;

    private static volatile ParentWatch running;
    private static volatile boolean stopping;

    ParentWatch() {
        super("jproc-parent-watch");
        setDaemon(true);
        running = this;
    }

    /** Stops reading (the JVM is exiting): frees the thread from its native read. */
    static void stopWatching() {
        stopping = true;
        ParentWatch w = running;
        if (w != null) {
            w.interrupt();
        }
    }

    /** Sets who receives frames after SPAWN (a pool worker); frames arriving before are dropped. */
    static void setHandler(Consumer<byte[]> h) {
        handler = h;
    }

    @Override
    public void run() {
        ExitReporter.instance().handleSignals();
        InputStream in = Channels.newInputStream(new FileInputStream(FileDescriptor.in).getChannel());
        try {
            byte[] f;
            while ((f = WireReader.readFrame(in)) != null) {
                Consumer<byte[]> h = handler;
                if (h != null) {
                    h.accept(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a broken stream is the same as a closed one
        }
        if (!stopping) {
            parentGone();
        }
    }

    /** True once the parent is known to be gone (nothing is recorded for it any more). */
    static boolean parentIsGone() {
        return gone;
    }

    private static volatile boolean gone;

    static void parentGone() {
        gone = true;
        Thread halter = new Thread("jproc-halt") {
            @Override
            public void run() {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    // halt now
                }
                Runtime.getRuntime().halt(1);
            }
        };
        halter.setDaemon(true);
        halter.start();
        System.exit(1);
    }
}
