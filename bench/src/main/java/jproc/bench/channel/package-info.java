/** The channel benchmark's parts: child JVM roles for JProc channels and the raw Agrona reference, the Python peer. */
package jproc.bench.channel;
