package jproc.process;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A function that can be copied into pool workers ({@code pool.map(x -> x * x, items)}).
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
}
