package jproc.bench.reliability;

import java.nio.file.Path;

final class KernelParts {
    private KernelParts() {
    }

    static void run(RunOptions options, Path logs, Figures figures) {
        throw new UnsupportedOperationException("KernelParts is not written yet");
    }
}
