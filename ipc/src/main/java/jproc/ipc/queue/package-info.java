/** Cross-process FIFO queues (the mirror of Python's multiprocessing.Queue and JoinableQueue). */
package jproc.ipc.queue;
