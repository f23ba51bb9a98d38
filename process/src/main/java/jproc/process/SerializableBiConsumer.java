package jproc.process;

import java.io.Serializable;
import java.util.function.BiConsumer;

/**
 * A two-argument target that can be copied into a child JVM (the mirror of {@code Process(target=f, args=(a, b))}).
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 */
@FunctionalInterface
public interface SerializableBiConsumer<A, B> extends BiConsumer<A, B>, Serializable {
}
