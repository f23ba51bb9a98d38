package jproc.kernel;

import jproc.kernel.engine.JShellEngine;

/**
 * Exercises the compiler after start-up so that the first cells of the user do not pay for class loading and
 * just-in-time compilation of javac. The snippets are dropped afterwards.
 */
final class Warmup {
    static final String MARK = "/*jproc-warmup*/";

    private Warmup() {
    }

    static void run(JShellEngine engine) {
        String[] snippets = {
            MARK + "int $jprocWarm = 1;",
            MARK + "$jprocWarm = $jprocWarm + 1;",
            MARK + "String $jprocWarmText = String.valueOf($jprocWarm);",
            MARK + "int $jprocWarmTwice(int x) { return 2 * x; }",
            MARK + "$jprocWarmTwice($jprocWarm)",
            MARK + "for (int $i = 0; $i < 3; $i++) { $jprocWarm += $i; }",
        };
        for (int round = 0; round < 4; round++) {
            for (String s : snippets) {
                engine.run(s);
            }
        }
        engine.dropWhere(src -> src.startsWith(MARK));
    }
}
