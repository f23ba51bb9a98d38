package jproc.process;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * A one-argument target that can be copied into a child JVM (the mirror of {@code Process(target=f, args=(a,))}).
 *
 * @param <A> the argument type
 */
@FunctionalInterface
public interface SerializableConsumer<A> extends Consumer<A>, Serializable {
}
