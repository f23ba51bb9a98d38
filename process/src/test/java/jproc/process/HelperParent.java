package jproc.process;

/**
 * A parent JVM for the tests that need one to die or exit: {@code orphan} starts a child and waits to be killed,
 * {@code daemon} starts a daemon child and returns from main, {@code nondaemon} starts a child that works for
 * 1.5 s and returns from main.
 */
public final class HelperParent {
    private HelperParent() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        ChildProcess p;
        switch (mode) {
            case "orphan":
                p = new ChildProcess("orphan", () -> sleep(60_000));
                break;
            case "daemon":
                p = new ChildProcess("daemon", () -> sleep(60_000)).daemon(true);
                break;
            default:
                p = new ChildProcess("worker", () -> {
                    sleep(1500);
                    System.out.println("done");
                });
        }
        p.start();
        System.out.println("child " + p.pid());
        System.out.flush();
        if (mode.equals("orphan")) {
            ChildProcesses.prestart();
            Thread.sleep(600_000);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
