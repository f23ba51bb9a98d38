/** The reliability suite: kill -9, load, fuzzing, deserialization attacks, Python pitfalls replayed against JProc. */
package jproc.bench.reliability;
