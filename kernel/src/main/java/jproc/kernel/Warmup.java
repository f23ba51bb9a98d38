package jproc.kernel;

import jproc.kernel.engine.JShellEngine;

import java.util.function.BooleanSupplier;

/**
 * Exercises the compiler after start-up so that the user's cells do not pay for class loading and just-in-time
 * compilation of javac. {@link #essential} runs before the first cell (JShell snippets of each kind and a few
 * plain statements, bounded in time); {@link #background} keeps compiling plain statements in the background
 * while the kernel is idle, until the time per statement stops improving or a budget is spent. The snippets are
 * dropped afterwards (no type declarations among them: dropping one breaks JShell's documentation lookup on
 * Java 25).
 */
final class Warmup {
    static final String MARK = "/*jproc-warmup*/";
    private static final long ESSENTIAL_NANOS = 800_000_000L;
    private static final int ESSENTIAL_STATEMENTS = 200;
    private static final long BACKGROUND_NANOS = 8_000_000_000L;
    private static final int BACKGROUND_STATEMENTS = 2500;

    private Warmup() {
    }

    /** The part the first cell waits for. */
    static void essential(JShellEngine engine) {
        long deadline = System.nanoTime() + ESSENTIAL_NANOS;
        String[] snippets = {
            MARK + "int $jprocWarm = 1;",
            MARK + "String $jprocWarmText = String.valueOf($jprocWarm);",
            MARK + "int $jprocWarmTwice(int x) { return 2 * x; }",
            MARK + "$jprocWarmTwice($jprocWarm)",
            MARK + "Runnable $jprocWarmTask = () -> $jprocWarm++;",
        };
        for (int round = 0; round < 3 && System.nanoTime() < deadline; round++) {
            for (String s : snippets) {
                engine.run(s);
            }
        }
        for (int i = 0; i < ESSENTIAL_STATEMENTS && System.nanoTime() < deadline; i++) {
            statement(engine, i);
        }
    }

    /**
     * Compiles statements while {@code idle} says the kernel has nothing else to do, then drops the warm-up
     * snippets. Runs on its own thread.
     */
    static void background(JShellEngine engine, BooleanSupplier idle) {
        long deadline = System.nanoTime() + BACKGROUND_NANOS;
        long best = Long.MAX_VALUE;
        int sinceBest = 0;
        for (int i = ESSENTIAL_STATEMENTS; i < BACKGROUND_STATEMENTS && System.nanoTime() < deadline && sinceBest < 200; i++) {
            if (!idle.getAsBoolean()) {
                sleep(20);
                continue;
            }
            long t0 = System.nanoTime();
            statement(engine, i);
            long took = System.nanoTime() - t0;
            if (took < best * 0.95) {
                best = took;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
        }
        engine.dropWhere(src -> src.startsWith(MARK));
    }

    private static void statement(JShellEngine engine, int i) {
        engine.run(MARK + "$jprocWarm = $jprocWarm + " + i + ";");
        if (i % 10 == 0) {
            engine.run(MARK + "for (int $i = 0; $i < 3; $i++) { $jprocWarm += $jprocWarmTwice($i); }");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
