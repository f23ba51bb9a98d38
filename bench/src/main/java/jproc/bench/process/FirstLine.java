package jproc.bench.process;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jproc.process.ChildOutput;
import jproc.process.ChildStream;
import jproc.process.OutputSink;

/** A sink that notes when the first stdout line of a child arrived. */
public final class FirstLine implements OutputSink {
    private final CountDownLatch first = new CountDownLatch(1);
    private volatile long nanos;

    @Override
    public ChildOutput open(String childName, long pid) {
        return new ChildOutput() {
            @Override
            public void line(ChildStream stream, String text) {
                if (stream == ChildStream.STDOUT && first.getCount() > 0) {
                    nanos = System.nanoTime();
                    first.countDown();
                } else if (stream == ChildStream.STDERR) {
                    System.err.println("[" + childName + "] " + text);
                }
            }

            @Override
            public void closed() {
                first.countDown();
            }
        };
    }

    /** Waits for the first line; returns its {@link System#nanoTime()}. */
    public long await() throws InterruptedException {
        if (!first.await(30, TimeUnit.SECONDS) || nanos == 0) {
            throw new IllegalStateException("the child printed no line within 30 s");
        }
        return nanos;
    }
}
