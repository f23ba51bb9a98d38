package jproc.process.pool;

import java.util.HashSet;
import java.util.Set;

/** What the pool's filter tests feed the pool: a notebook cell's source and a hostile value. */
final class PoolTestCode {
    private PoolTestCode() {
    }

    /** A notebook cell (compiled at run time, on no classpath): a result type, an exception type, tasks. */
    static final String NOTEBOOK = """
            package nbpool;
            import jproc.process.SerializableCallable;
            public class Cell {
                public static class Box implements java.io.Serializable {
                    public final int value;
                    public Box(int value) { this.value = value; }
                }
                public static class Oops extends RuntimeException {
                    public Oops(String m) { super(m); }
                }
                public static SerializableCallable<Object> box(int v) {
                    return () -> new Box(v);
                }
                public static SerializableCallable<Object> fail() {
                    return () -> { throw new Oops("notebook failure"); };
                }
            }
            """;

    /** Nested hash sets whose naive deserialization costs 2^levels hash computations ("SerialDOS"). */
    static Set<Object> nestedSets(int levels) {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return root;
    }
}
