/**
 * The child half: the agent main class every child JVM runs. It reads the SPAWN frame from its stdin, defines
 * shipped classes, restores copied statics, runs the target, reports how it ended, and halts when its parent
 * dies (EOF on stdin).
 */
package jproc.process.agent;
