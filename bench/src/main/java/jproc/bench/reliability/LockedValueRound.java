package jproc.bench.reliability;

import java.util.Random;

final class LockedValueRound {
    private LockedValueRound() {
    }

    static void runIfAvailable(int round, int kills, Random random, Workdir work, ChildLog log, Figures figures,
                               boolean longForm) {
    }
}
