/**
 * A pool of worker JVMs behind {@link java.util.concurrent.ExecutorService} (the mirror of Python's
 * {@code Pool} and {@code ProcessPoolExecutor}): {@link jproc.process.pool.ProcessPool}.
 */
package jproc.process.pool;
