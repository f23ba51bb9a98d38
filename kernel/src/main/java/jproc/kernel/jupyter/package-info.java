/**
 * The Jupyter wire protocol, from JJava's {@code jjava-jupyter}: the only package that imports {@code org.dflib}.
 * Adds what the library lacks: blocking socket loops (no 50 ms polling sleeps), constant-time signature checks,
 * rejection of malformed or wrongly signed messages without killing a channel, and an ordered output thread.
 */
package jproc.kernel.jupyter;
