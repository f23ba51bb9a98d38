package jproc.bench.reliability;

final class DeserAttacks {
    private DeserAttacks() {
    }

    static void run(RunOptions options, Workdir work, ChildLog log, Figures figures) {
        throw new UnsupportedOperationException("DeserAttacks is not written yet");
    }
}
