package jproc.process.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.example.lib.LibraryException;

import jproc.ipc.codec.MessageRejectedException;
import jproc.ipc.session.Session;
import jproc.process.ChildProcess;
import jproc.process.GadgetShape;
import jproc.process.InMemoryCompiler;
import jproc.process.spawn.ValueCodec;
import jproc.process.spawn.WireReader;
import jproc.process.spawn.WireWriter;

/**
 * What the parent accepts from a pool worker, without worker JVMs: frames are encoded the way {@link WorkerLoop}
 * encodes them and read by {@link ResultDecoder}, the parent's only reader of results and exceptions.
 */
class ResultDecoderTest {

    private static InMemoryCompiler.Compiled code;
    private final WorkerHandle worker = new WorkerHandle(new ChildProcess("PoolWorker-test", () -> { }), 0);

    record Point(int x, String label) implements Serializable {
    }

    /** An exception that cannot be serialized: it holds a thread. */
    static final class HoldsAThread extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused")
        private final Object thread = Thread.currentThread();

        HoldsAThread() {
            super("holds a thread");
        }
    }

    /** Serializable but neither a record, a JDK value type nor a user class: refused. */
    static final class Plain implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @BeforeAll
    static void defineNotebookClasses() {
        code = InMemoryCompiler.compile(Map.of("nbpool.Cell", PoolTestCode.NOTEBOOK));
        Session.current().registerUserLoader(code.loader());
    }

    @AfterAll
    static void forgetNotebookClasses() {
        Session.current().unregisterUserLoader(code.loader());
    }

    private Object result(byte kind, byte[] frameBody) throws Exception {
        var t = new PendingTask(1, kind, 0, null, new byte[0], CodeParts.NONE);
        ResultDecoder.complete(worker, t, PoolProtocol.RESULT, new WireReader(frameBody));
        assertTrue(t.future.isDone(), "the task is completed, never left waiting");
        try {
            return t.future.get();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private Object callResult(Object value) throws Exception {
        var w = new WireWriter(64);
        ValueCodec.write(w, value);
        return result(PoolProtocol.KIND_CALL, w.toByteArray());
    }

    private Object mapResult(List<?> values) throws Exception {
        var w = new WireWriter(64);
        ValueCodec.writeList(w, values);
        return result(PoolProtocol.KIND_MAP, w.toByteArray());
    }

    /** The exception the parent makes of a worker's ERROR frame for {@code thrown}. */
    private Throwable failure(Throwable thrown) throws Exception {
        var r = new WireReader(WorkerLoop.error(1, 2, thrown));
        r.getInt(); // length
        assertEquals(PoolProtocol.ERROR, r.getByte());
        assertEquals(1, r.getLong());
        var t = new PendingTask(1, PoolProtocol.KIND_MAP, 0, null, new byte[0], CodeParts.NONE);
        t.offset = 10;
        ResultDecoder.complete(worker, t, PoolProtocol.ERROR, r);
        var e = assertThrows(ExecutionException.class, t.future::get);
        return e.getCause();
    }

    /** Class, method, file and line of each frame (the rebuilt frames carry no module or loader names). */
    private static List<String> frames(Throwable t) {
        var list = new ArrayList<String>();
        for (StackTraceElement f : t.getStackTrace()) {
            list.add(f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber()
                    + ")");
        }
        return list;
    }

    @Test
    void ordinaryResultsPassTheFilter() throws Exception {
        for (Object v : Arrays.asList(null, 42, -7L, 2.5, true, 'c', (short) 3, 1.5f, "héllo")) {
            assertEquals(v, callResult(v));
        }
        assertArrayEquals(new long[] {1, 2}, (long[]) callResult(new long[] {1, 2}));
        assertEquals(new Point(1, "a"), callResult(new Point(1, "a")));
        assertEquals(Map.of("k", List.of(1, 2)), callResult(new HashMap<>(Map.of("k", List.of(1, 2)))));
        assertEquals(List.of(new Point(2, "b"), Set.of("x")), mapResult(List.of(new Point(2, "b"), Set.of("x"))));
        assertEquals(Arrays.asList(1, "x", null, 2.0), mapResult(Arrays.asList(1, "x", null, 2.0)));
        assertEquals(List.of(1, 2, 3), mapResult(List.of(1, 2, 3)));

        Class<?> box = Class.forName("nbpool.Cell$Box", true, code.loader());
        Object b = callResult(box.getConstructor(int.class).newInstance(7));
        assertSame(box, b.getClass(), "a class defined at run time in the session comes back as itself");
        assertEquals(7, box.getField("value").get(b));
    }

    @Test
    void resultNamingADisallowedClassIsRefusedWithAdvice() {
        var e = assertThrows(MessageRejectedException.class, () -> callResult(new File("/etc/passwd")));
        assertEquals("java.io.File", e.className());
        assertTrue(e.getMessage().contains("pool worker PoolWorker-test"), e.getMessage());
        assertTrue(e.getMessage().contains("-Djproc.codec.allow=java.io.File"), e.getMessage());
        assertTrue(e.getMessage().contains("MessageFilter.allow(\"java.io.File\")"), e.getMessage());
        assertTrue(e.getMessage().contains("the pool keeps working"), e.getMessage());

        var plain = assertThrows(MessageRejectedException.class, () -> callResult(new Plain()));
        assertEquals(Plain.class.getName(), plain.className());
    }

    @Test
    void gadgetShapedResultIsRefusedBeforeItsReadObjectRuns() {
        int before = GadgetShape.READS.get();
        var gadget = new GadgetShape("touch /tmp/pwned");
        var direct = assertThrows(MessageRejectedException.class, () -> callResult(gadget));
        assertEquals(GadgetShape.class.getName(), direct.className());
        var nested = assertThrows(MessageRejectedException.class,
                () -> callResult(new ArrayList<>(List.of(1, Map.of("k", gadget)))));
        assertEquals(GadgetShape.class.getName(), nested.className());
        var serialList = assertThrows(MessageRejectedException.class, () -> mapResult(List.of(new Point(1, ""),
                gadget)));
        assertEquals(GadgetShape.class.getName(), serialList.className());
        var mixedList = assertThrows(MessageRejectedException.class, () -> mapResult(Arrays.asList(1, "s",
                new File("x"))));
        assertEquals("java.io.File", mixedList.className());
        assertEquals(before, GadgetShape.READS.get(), "no gadget was deserialized in the parent");
    }

    @Test
    @Timeout(10)
    void deeplyNestedResultIsRefusedByTheDepthLimit() {
        // the "SerialDOS" shape: unfiltered, it would hash for ages
        Set<Object> root = PoolTestCode.nestedSets(60);
        var e = assertThrows(MessageRejectedException.class, () -> callResult(root));
        assertNull(e.className());
        assertTrue(e.getMessage().contains("deeper than"), e.getMessage());
    }

    @Test
    void corruptResultFramesFailTheirTaskWithoutHugeAllocations() {
        var w = new WireWriter(16);
        w.putByte(21).putInt(Integer.MAX_VALUE).putLong(1); // LIST_LONG claiming 2^31 - 1 elements
        var e = assertThrows(RemoteTaskException.class, () -> result(PoolProtocol.KIND_MAP, w.toByteArray()));
        assertTrue(e.getMessage().contains("corrupt list"), e.getMessage());
        var blob = new WireWriter(16);
        blob.putByte(7).putInt(Integer.MAX_VALUE - 2); // SERIAL claiming a 2 GiB blob
        var b = assertThrows(RemoteTaskException.class, () -> result(PoolProtocol.KIND_CALL, blob.toByteArray()));
        assertTrue(b.getMessage().contains("frame too short"), b.getMessage());
    }

    @Test
    void jdkAndSessionExceptionsArriveAsThemselves() throws Exception {
        Throwable npe = failure(new IllegalStateException("bad state", new IOException("disk")));
        assertInstanceOf(IllegalStateException.class, npe);
        assertInstanceOf(IOException.class, npe.getCause());
        assertTrue(npe.getSuppressed()[0].getMessage().contains("for item 12"), npe.getSuppressed()[0].getMessage());

        Class<?> oops = Class.forName("nbpool.Cell$Oops", true, code.loader());
        var thrown = (RuntimeException) oops.getConstructor(String.class).newInstance("notebook failure");
        Throwable back = failure(thrown);
        assertSame(oops, back.getClass());
        assertEquals("notebook failure", back.getMessage());
        assertArrayEquals(thrown.getStackTrace(), back.getStackTrace());
    }

    @Test
    void refusedExceptionArrivesAsItsDescriptionWithAdvice() throws Exception {
        int before = GadgetShape.READS.get();
        var lib = new LibraryException("library failure");
        var thrown = new IllegalStateException("wrapped", lib);
        thrown.addSuppressed(new LibraryException("carries " + new GadgetShape("x").command()));
        Throwable back = failure(thrown);
        var top = assertInstanceOf(RemoteTaskException.class, back);
        assertEquals("java.lang.IllegalStateException", top.remoteType());
        assertTrue(top.getMessage().startsWith("java.lang.IllegalStateException: wrapped [the exception object did"
                + " not arrive: class org.example.lib.LibraryException is not on the deserialization allow-list"),
                top.getMessage());
        assertTrue(top.getMessage().contains("-Djproc.codec.allow=org.example.lib.LibraryException"), top.getMessage());
        assertEquals(frames(thrown), frames(top));
        var cause = assertInstanceOf(RemoteTaskException.class, top.getCause());
        assertEquals(LibraryException.class.getName(), cause.remoteType());
        assertEquals(LibraryException.class.getName() + ": library failure", cause.getMessage());
        assertEquals(frames(lib), frames(cause));
        var refusal = assertInstanceOf(MessageRejectedException.class, top.getSuppressed()[0]);
        assertEquals(LibraryException.class.getName(), refusal.className());
        assertTrue(top.getSuppressed()[1].getMessage().contains("raised in pool worker PoolWorker-test"));
        assertEquals(before, GadgetShape.READS.get());
    }

    @Test
    void exceptionThatCannotBeSerializedArrivesAsItsDescription() throws Exception {
        var thrown = new HoldsAThread();
        Throwable back = failure(thrown);
        var top = assertInstanceOf(RemoteTaskException.class, back);
        assertEquals(thrown.getClass().getName(), top.remoteType());
        assertTrue(top.getMessage().contains("the worker could not serialize it"), top.getMessage());
        assertTrue(top.getMessage().contains("java.lang.Thread"), top.getMessage());
    }
}
