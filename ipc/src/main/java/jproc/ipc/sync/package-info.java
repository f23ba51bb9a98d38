/**
 * Cross-process synchronization: locks, re-entrant locks, semaphores, events, conditions and barriers with
 * owner-death reporting.
 */
package jproc.ipc.sync;
