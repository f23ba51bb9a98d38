/**
 * The JShell engine: local execution in the kernel JVM, snippet class recording, instrumentation that makes
 * cells interruptible and {@code System.exit} harmless, cell splitting, completion and error reports.
 */
package jproc.kernel.engine;
