package jproc.process;

/**
 * A parent JVM for the tests that need one to die or exit: {@code orphan} starts a child and waits to be killed,
 * {@code daemon} starts a daemon child and returns from main, {@code nondaemon} starts a child that works for
 * 1.5 s and returns from main, {@code signals} sends HUP, INT and TERM to one waiting child each (the first from
 * the warm pool, the others cold) and prints {@code exit NAME CODE} for each.
 */
public final class HelperParent {
    private HelperParent() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (mode.equals("signals")) {
            signals();
            return;
        }
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

    private static void signals() throws InterruptedException {
        ChildProcesses.prestart();
        var children = new java.util.ArrayList<ChildProcess>();
        for (String sig : new String[] {"HUP", "INT", "TERM"}) {
            var p = new ChildProcess("sig-" + sig, () -> {
                System.out.println("ready");
                sleep(20_000);
            });
            var ready = new java.util.concurrent.CountDownLatch(1);
            p.output((name, pid) -> new ChildOutput() {
                @Override
                public void line(ChildStream stream, String text) {
                    if (text.equals("ready")) {
                        ready.countDown();
                    }
                }

                @Override
                public void closed() {
                }
            }).start();
            ready.await(20, java.util.concurrent.TimeUnit.SECONDS);
            children.add(p);
        }
        for (var p : children) {
            p.signal(p.name().substring(4));
        }
        for (var p : children) {
            p.join(java.time.Duration.ofSeconds(5));
            System.out.println("exit " + p.name() + " " + p.exitCode());
            p.kill();
        }
        System.out.flush();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
