package jproc.ipc.testing;

/** Dispatches a scenario name to the family that implements it. */
final class Scenarios {
    private Scenarios() {
    }

    static void run(String name, String[] args) throws Exception {
        if (PipeScenarios.run(name, args) || SyncScenarios.run(name, args)) {
            return;
        }
        ChildMain.queueScenario(name, args);
    }
}
