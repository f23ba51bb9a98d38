package jproc.bench.reliability;

final class LoadTest {
    private LoadTest() {
    }

    static void run(RunOptions options, Workdir work, ChildLog log, Figures figures) {
        throw new UnsupportedOperationException("LoadTest is not written yet");
    }
}
