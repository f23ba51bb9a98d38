package jproc.process.agent;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.StringConcatFactory;
import java.util.ArrayList;
import java.util.HashMap;

import jproc.process.SerializableRunnable;
import jproc.process.spawn.LambdaShipping;
import jproc.process.spawn.ObjectStreams;
import jproc.process.spawn.ValueCodec;
import jproc.process.spawn.WireReader;
import jproc.process.spawn.WireWriter;

/**
 * What a warm spare does while it waits: runs the code paths a SPAWN takes once, so that the real one finds
 * them loaded and linked (class definition, reflection, Java serialization, the lambda and string
 * concatenation bootstraps, the print path).
 */
final class Warmup {
    private static int sink;

    private Warmup() {
    }

    static void run() {
        try {
            var list = new ArrayList<Object>();
            list.add(1);
            list.add("two");
            list.add(new HashMap<String, Integer>());
            ObjectStreams.deserialize(ObjectStreams.serialize(list), null);
            SerializableRunnable r = Warmup::noop;
            var w = new WireWriter(256);
            LambdaShipping.write(w, LambdaShipping.serializedForm(r));
            ValueCodec.write(w, 42);
            var rd = new WireReader(w.toByteArray());
            LambdaShipping.Call call = LambdaShipping.read(rd, Warmup.class.getClassLoader());
            call.call();
            ((Runnable) call.materialize()).run();
            ValueCodec.read(rd, null);
            var concat = StringConcatFactory.makeConcatWithConstants(MethodHandles.lookup(), "concat",
                    MethodType.methodType(String.class, String.class, int.class), "\u0001 \u0001");
            var ps = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
            ps.println((String) concat.getTarget().invokeExact("warm", 1));
            new ShippedClassLoader(new HashMap<>(), Warmup.class.getClassLoader()).getName();
            Class.forName("jproc.process.ChildProcess");
            Class.forName("jproc.ipc.trace.Trace", false, Warmup.class.getClassLoader());
        } catch (Throwable t) {
            // warming is best effort
        }
    }

    private static void noop() {
        sink++;
    }
}
