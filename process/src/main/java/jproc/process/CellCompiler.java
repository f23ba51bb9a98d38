package jproc.process;

/**
 * Compiles the body of a code cell (what {@code %%spawn} sends) into a target, in the parent. The kernel's
 * JShell engine implements it and installs it with {@link ChildProcesses#setCellCompiler(CellCompiler)}; the
 * child never compiles anything: the classes the compiler produced are shipped through the
 * {@link CodeProvider} like any other notebook code.
 */
public interface CellCompiler {
    /**
     * Compiles {@code code} as the body of a {@code void run()} method.
     *
     * @param childName the name of the child that will run it (for error messages)
     * @param code      Java statements
     * @return a target whose classes the code provider can supply
     * @throws RuntimeException with the compiler's diagnostics if the code does not compile
     */
    SerializableRunnable compile(String childName, String code);
}
