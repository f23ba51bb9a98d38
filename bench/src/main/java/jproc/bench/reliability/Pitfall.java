package jproc.bench.reliability;

import java.util.function.Supplier;

/**
 * One pitfall of Python's multiprocessing, replayed against JProc.
 *
 * @param name   short name
 * @param python what goes wrong in Python
 * @param check  runs the replay: null if JProc avoids the pitfall, otherwise what went wrong
 */
record Pitfall(String name, String python, Supplier<String> check) {
}
