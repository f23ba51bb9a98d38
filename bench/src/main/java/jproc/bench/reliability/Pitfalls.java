package jproc.bench.reliability;

final class Pitfalls {
    private Pitfalls() {
    }

    static void run(RunOptions options, Workdir work, ChildLog log, Figures figures) {
        throw new UnsupportedOperationException("Pitfalls is not written yet");
    }
}
