/** Magics that start, wait for and stop child JVMs: %%spawn, %ps, %join, %terminate, %kill, %signal. */
package jproc.magics.lifecycle;
