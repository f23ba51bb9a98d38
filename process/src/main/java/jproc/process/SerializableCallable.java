package jproc.process;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A task with a result that can be copied into a pool worker ({@code pool.submit(() -> n * n)}).
 *
 * @param <V> the result type
 */
@FunctionalInterface
public interface SerializableCallable<V> extends Callable<V>, Serializable {
}
