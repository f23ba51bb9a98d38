package jproc.magics.lifecycle;

import java.util.List;

import jproc.magics.support.ProcessNames;
import jproc.process.ChildProcess;

/** What %terminate, %kill and %signal share. */
final class SignalMagics {
    private SignalMagics() {
    }

    /** Sends {@code signal} to each named child and says so. */
    static void send(List<String> names, String signal) {
        List<ChildProcess> procs = ProcessNames.findAll(names);
        for (ChildProcess p : procs) {
            if (!p.isAlive()) {
                System.out.println(p.name() + " (pid " + p.pid() + ") has already ended");
                continue;
            }
            p.signal(signal);
            System.out.println("sent SIG" + signal + " to " + p.name() + " (pid " + p.pid() + ")");
        }
    }
}
