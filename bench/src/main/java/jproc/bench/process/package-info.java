/** Helpers of the process benchmark ({@link jproc.bench.ProcessBench}): the Python peer runner and timing sinks. */
package jproc.bench.process;
