package jproc.process;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class with the shape of a deserialization gadget: {@link Serializable}, on the classpath but neither a record
 * nor a user class of the session, and doing work in {@code readObject}. Counts how often that work ran in this
 * JVM, so a test can show that a filtered stream never reached it.
 */
public final class GadgetShape implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /** How many instances were deserialized in this JVM. */
    public static final AtomicInteger READS = new AtomicInteger();

    private final String command;

    public GadgetShape(String command) {
        this.command = command;
    }

    public String command() {
        return command;
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        READS.incrementAndGet();
        in.defaultReadObject();
    }
}
