package jproc.kernel;

import jproc.kernel.engine.JShellEngine;

/**
 * Exercises the compiler right after start-up (the first cell waits for it), so that the user's cells do not pay
 * for class loading and just-in-time compilation of javac: a few rounds of JShell snippets (declarations,
 * expressions) and a run of plain statements (the fast path), bounded in time. The snippets are dropped afterwards
 * (no type declarations among them: dropping one breaks JShell's documentation lookup on Java 25).
 */
final class Warmup {
    static final String MARK = "/*jproc-warmup*/";
    private static final long BUDGET_NANOS = 1_500_000_000L;
    private static final int STATEMENTS = 300;

    private Warmup() {
    }

    static void run(JShellEngine engine) {
        long deadline = System.nanoTime() + BUDGET_NANOS;
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
        for (int i = 0; i < STATEMENTS && System.nanoTime() < deadline; i++) {
            engine.run(MARK + "$jprocWarm = $jprocWarm + " + i + ";");
            if (i % 10 == 0) {
                engine.run(MARK + "for (int $i = 0; $i < 3; $i++) { $jprocWarm += $jprocWarmTwice($i); }");
            }
        }
        engine.dropWhere(src -> src.startsWith(MARK));
    }
}
