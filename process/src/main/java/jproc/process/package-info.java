/**
 * Child JVM processes that run the parent's code: {@link jproc.process.ChildProcess} (start, join, signals,
 * exit codes), code shipping ({@link jproc.process.CodeProvider}), attributed output
 * ({@link jproc.process.OutputSink}) and process-wide settings ({@link jproc.process.ChildProcesses}).
 */
package jproc.process;
