package jproc.kernel.engine;

import java.util.Objects;

/**
 * Replacement targets for {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in instrumented
 * snippet code: each throws {@link SystemExitError} instead of ending the kernel JVM.
 */
public final class ExitGuard {
    private ExitGuard() {
    }

    /** Replaces {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new SystemExitError("System.exit", status);
    }

    /** Replaces {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        Objects.requireNonNull(runtime, "runtime");
        throw new SystemExitError("Runtime.exit", status);
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        Objects.requireNonNull(runtime, "runtime");
        throw new SystemExitError("Runtime.halt", status);
    }
}
