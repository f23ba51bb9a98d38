/**
 * Shared primitive values and arrays with an optional built-in lock (the mirror of multiprocessing.Value
 * and Array).
 */
package jproc.ipc.value;
