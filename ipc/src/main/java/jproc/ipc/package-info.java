/**
 * The channel library: cross-process queues, pipes, shared values and synchronization primitives in shared
 * memory, usable from plain Java.
 */
package jproc.ipc;
