/**
 * How a child JVM is launched and talks to its parent: both halves of the spawn protocol
 * ({@link jproc.process.spawn.SpawnProtocol}), the wire codec, the warm pool of pre-started JVMs, output pumps
 * and exit reports. Internal: the public API is {@link jproc.process.ChildProcess}.
 */
package jproc.process.spawn;
