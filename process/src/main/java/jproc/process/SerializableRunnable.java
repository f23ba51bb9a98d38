package jproc.process;

import java.io.Serializable;

/**
 * A {@link Runnable} that can be copied into a child JVM. A lambda written where this type is expected is
 * serializable without a cast, so {@code Mp.process("p", () -> work())} ships {@code work} to the child.
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {
}
