/**
 * The protocol-neutral kernel: runs cells on the cell thread through the JShell engine and the magics, routes
 * their output, answers completion and inspection. The Jupyter adapter ({@code jproc.kernel.jupyter}) drives it.
 */
package jproc.kernel;
