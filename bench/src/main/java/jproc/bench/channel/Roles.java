package jproc.bench.channel;

import java.util.Arrays;

/** Main class of benchmark child JVMs: dispatches to the JProc roles or the raw Agrona roles. */
public final class Roles {
    private Roles() {
    }

    public static void main(String[] args) throws Exception {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            if (args[0].startsWith("agrona")) {
                AgronaRoles.run(args[0], rest);
            } else {
                JprocRoles.run(args[0], rest);
            }
            System.out.println("DONE");
            System.out.flush();
            System.exit(0);
        } catch (Throwable t) {
            System.out.println("FAILED " + t);
            t.printStackTrace(System.out);
            System.out.flush();
            System.exit(3);
        }
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    static int arg(String[] a, int i) {
        return Integer.parseInt(a[i]);
    }
}
