package jproc.process;

/**
 * Where a child's output goes. The kernel installs a sink that puts each child's lines under the notebook
 * cell that started it; the plain-Java default prints {@code [name] line} to {@code System.out} /
 * {@code System.err}. Set process-wide with {@link ChildProcesses#setDefaultOutput(OutputSink)} or per child
 * with {@link ChildProcess#output(OutputSink)}.
 */
@FunctionalInterface
public interface OutputSink {
    /**
     * Called once per child, on the thread that calls {@code start()}, after the child's pid is known and
     * before the child runs its target. The returned receiver gets every line of that child.
     *
     * @param childName the child's name
     * @param pid       the child's process id
     */
    ChildOutput open(String childName, long pid);
}
