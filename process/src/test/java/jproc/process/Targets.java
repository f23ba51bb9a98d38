package jproc.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;

/** Targets used by the tests (on the test classpath: the 'classpath' way of shipping code). */
final class Targets {
    private Targets() {
    }

    static final List<String> SHARED = new ArrayList<>(List.of("parent"));

    /** A subclass whose fields arrive in the child as copies. */
    /** A class whose constructor is a child's whole work (a constructor reference as the target). */
    static final class Greeter {
        Greeter() {
            System.out.println("constructed in " + ProcessHandle.current().pid());
        }
    }

    static final class Counter extends ChildProcess {
        private static final long serialVersionUID = 1L;
        final List<Integer> values = new ArrayList<>(List.of(1, 2, 3));
        int start = 10;

        Counter(String name) {
            super(name);
        }

        @Override
        public void run() {
            values.add(start);
            start++;
            System.out.println("values " + values + " start " + start + " name " + currentProcess().name());
        }
    }

    /** A subclass with a field that cannot be copied. */
    static final class HoldsScanner extends ChildProcess {
        private static final long serialVersionUID = 1L;
        final Scanner scanner = new Scanner("x");

        @Override
        public void run() {
            System.out.println(scanner.next());
        }
    }
}
