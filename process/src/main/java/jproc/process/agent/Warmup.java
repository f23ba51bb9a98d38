package jproc.process.agent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.StringConcatFactory;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jproc.ipc.session.Session;
import jproc.process.ChildProcess;
import jproc.process.CodeSnapshot;

import jproc.process.SerializableRunnable;
import jproc.process.spawn.LambdaShipping;
import jproc.process.spawn.ObjectStreams;
import jproc.process.spawn.SpawnProtocol;
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
    private static volatile Throwable failure;

    private Warmup() {
    }

    /** What stopped the last {@link #run()} before its end, or null (a test checks that warming reaches its end). */
    static Throwable failure() {
        return failure;
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
            spawnPath();
            tracePath();
        } catch (Throwable t) {
            failure = t; // warming is best effort; a spare that could not warm up is only slower
        }
    }

    /** Parses and prepares a SPAWN frame for a no-op lambda, as a real one will be. */
    private static void spawnPath() throws Exception {
        SerializableRunnable r = Warmup::noop;
        var header = new SpawnProtocol.Header("0", "warmup", "0", 0, "warmup", false, List.of());
        byte[] f = SpawnProtocol.encodeLambda(header, CodeSnapshot.EMPTY, 0, ChildProcess.class.getName(),
                LambdaShipping.serializedForm(r), List.of(1));
        var in = new SpawnProtocol.Incoming(Arrays.copyOfRange(f, 4, f.length));
        ChildProcess p = ChildAgent.prepare(in);
        p.name();
        ShippedTarget t = new ShippedTarget(LambdaShipping.read(new WireReader(lambdaBytes(r)),
                Warmup.class.getClassLoader()));
        t.run();
    }

    private static byte[] lambdaBytes(Object lambda) throws Exception {
        var w = new WireWriter(256);
        LambdaShipping.write(w, LambdaShipping.serializedForm(lambda));
        return w.toByteArray();
    }

    /**
     * Runs the JDK code paths the trace recorder needs (process handle, mapped file, byte-buffer var handles,
     * logging) without creating this spare's trace file: it is created when the spare becomes a child.
     */
    private static void tracePath() throws Exception {
        ProcessHandle.current().pid();
        Logger.getLogger(Warmup.class.getName()).isLoggable(Level.FINE);
        Session session = Session.current();
        Path file = Files.createTempFile(session.directory(), "jproc-warmup-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4096).order(ByteOrder.nativeOrder());
            VarHandle longs = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
            VarHandle ints = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
            longs.getAndAdd(b, 0, 1L);
            longs.setRelease(b, 8, 1L);
            longs.setOpaque(b, 8, 1L);
            ints.setRelease(b, 16, 1);
            ints.setOpaque(b, 16, 1);
            longs.getAcquire(b, 0);
        } finally {
            Files.deleteIfExists(file);
        }
        Class.forName("jproc.ipc.trace.Trace", false, Warmup.class.getClassLoader());
    }

    /** A spare's warm-up thread: warms up, then tells the parent it is ready (the READY line on stderr). */
    static final class Spare extends Thread {
        Spare() {
            super("jproc-warmup");
            setDaemon(true);
        }

        @Override
        public void run() {
            Warmup.run();
            try {
                @SuppressWarnings("resource")
                var err = new FileOutputStream(FileDescriptor.err);
                err.write((SpawnProtocol.READY + "\n").getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException e) {
                Runtime.getRuntime().halt(0); // the parent is gone
            }
        }
    }

    private static void noop() {
        sink++;
    }
}
