/** Messages: the fast path for primitives, strings and arrays, and filtered Java serialization for everything else. */
package jproc.ipc.codec;
