package jproc.process;

/**
 * Supplies the code and state a child needs that exist only in the parent's memory (JShell snippets, classes
 * compiled at run time). The kernel installs one with {@link ChildProcesses#setCodeProvider(CodeProvider)};
 * without one, children load every class from the classpath.
 *
 * <p>Called by the thread that calls {@code start()} (or submits to a pool), in the parent, once per start or
 * per pool submission. It must not block for long.
 */
public interface CodeProvider {
    /**
     * Called at {@code start()} in the parent. Returns every user class the child may need (binary name to
     * bytes) and the static field values the child must receive as copies (JShell keeps notebook top-level
     * variables as static fields of its snippet wrapper classes).
     *
     * @param target the object that will be copied to the child: the lambda target, the {@link ChildProcess}
     *               subclass instance, or a pool task
     * @throws NotCopyableException naming the variable and its type if a value the target needs cannot be copied
     */
    CodeSnapshot snapshot(Object target);
}
