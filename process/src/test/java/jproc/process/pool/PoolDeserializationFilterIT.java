package jproc.process.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.example.lib.LibraryException;

import jproc.ipc.codec.MessageFilter;
import jproc.ipc.codec.MessageRejectedException;
import jproc.ipc.session.Session;
import jproc.process.ChildProcesses;
import jproc.process.CodeSnapshot;
import jproc.process.GadgetShape;
import jproc.process.InMemoryCompiler;
import jproc.process.NoChildLeftBehind;
import jproc.process.SerializableCallable;

/**
 * A worker JVM is another process: what it sends back passes the channels' deserialization allow-list. Refused
 * results fail their task with advice and the pool keeps working; exceptions still arrive (as themselves or
 * rebuilt from their description); ordinary results are unaffected.
 */
class PoolDeserializationFilterIT {

    private static ProcessPool pool;

    record Point(int x, String label) implements Serializable {
    }

    /** Refused until a test allows it by name (used nowhere else: allow patterns last for the JVM). */
    static final class AllowedLater implements Serializable {
        private static final long serialVersionUID = 1L;
        final int value = 5;
    }

    @BeforeAll
    static void startPool() {
        pool = new ProcessPool(1);
    }

    @AfterAll
    static void closePool() throws InterruptedException {
        try {
            pool.close();
        } finally {
            NoChildLeftBehind.check();
        }
    }

    private static Throwable failureOf(SerializableCallable<?> task) {
        return assertThrows(ExecutionException.class, () -> pool.submit(task).get()).getCause();
    }

    @Test
    @Timeout(60)
    void refusedResultsFailTheirTaskWithAdviceAndThePoolKeepsWorking() throws Exception {
        int reads = GadgetShape.READS.get();
        var file = assertInstanceOf(MessageRejectedException.class, failureOf(() -> new File("/etc/passwd")));
        assertEquals("java.io.File", file.className());
        assertTrue(file.getMessage().contains("pool worker PoolWorker-"), file.getMessage());
        assertTrue(file.getMessage().contains("-Djproc.codec.allow=java.io.File"), file.getMessage());

        var gadget = assertInstanceOf(MessageRejectedException.class,
                failureOf(() -> List.of("harmless", new GadgetShape("touch /tmp/pwned"))));
        assertEquals(GadgetShape.class.getName(), gadget.className());

        var mapped = assertThrows(MessageRejectedException.class,
                () -> pool.map(x -> new File("/tmp/" + x), List.of(1, 2)));
        assertEquals("java.io.File", mapped.className());

        var deep = assertInstanceOf(MessageRejectedException.class, failureOf(() -> PoolTestCode.nestedSets(60)));
        assertTrue(deep.getMessage().contains("deeper than " + MessageFilter.MAX_DEPTH), deep.getMessage());

        assertEquals(reads, GadgetShape.READS.get(), "no gadget was deserialized in the parent");
        assertEquals(3, pool.submit(() -> 1 + 2).get(), "the worker and the pool keep working");
        assertEquals(List.of(2, 4, 6), pool.map(x -> x * 2, List.of(1, 2, 3)));
    }

    @Test
    @Timeout(60)
    void allowingAClassByNameLetsItsResultsThrough() throws Exception {
        var refused = assertInstanceOf(MessageRejectedException.class, failureOf(AllowedLater::new));
        assertTrue(refused.getMessage().contains("MessageFilter.allow(\"" + AllowedLater.class.getName() + "\")"),
                refused.getMessage());
        MessageFilter.allow(AllowedLater.class.getName());
        assertEquals(5, ((AllowedLater) pool.submit(AllowedLater::new).get()).value);
    }

    @Test
    @Timeout(60)
    void ordinaryResultsAndJdkExceptionsStillArrive() throws Exception {
        assertEquals(42L, pool.submit(() -> 42L).get());
        assertEquals("text", pool.submit(() -> "text").get());
        assertEquals(List.of(1, "two", 3.0), pool.submit(() -> new ArrayList<Object>(List.of(1, "two", 3.0))).get());
        assertEquals(Map.of("k", new Point(1, "p")), pool.submit(() -> Map.of("k", new Point(1, "p"))).get());
        assertArrayEquals(new int[] {1, 2}, (int[]) pool.submit(() -> new int[] {1, 2}).get());
        assertEquals(List.of(new Point(1, "1"), new Point(2, "2")), pool.map(x -> new Point(x, "" + x), List.of(1, 2)));

        var npe = failureOf(() -> {
            throw new IllegalStateException("bad state", new NullPointerException("inner"));
        });
        assertInstanceOf(IllegalStateException.class, npe);
        assertInstanceOf(NullPointerException.class, npe.getCause());
    }

    @Test
    @Timeout(60)
    void libraryExceptionArrivesRebuiltWithItsTypeMessageAndStack() {
        var top = assertInstanceOf(RemoteTaskException.class, failureOf(() -> {
            throw new IllegalStateException("wrapped", new LibraryException("library failure"));
        }));
        assertEquals("java.lang.IllegalStateException", top.remoteType());
        assertTrue(top.getMessage().contains("-Djproc.codec.allow=" + LibraryException.class.getName()),
                top.getMessage());
        assertTrue(top.getStackTrace()[0].getClassName().startsWith(getClass().getName()),
                List.of(top.getStackTrace()).toString());
        var cause = assertInstanceOf(RemoteTaskException.class, top.getCause());
        assertEquals(LibraryException.class.getName(), cause.remoteType());
        assertEquals(LibraryException.class.getName() + ": library failure", cause.getMessage());

        var mapped = assertThrows(RemoteTaskException.class, () -> pool.map(x -> {
            if (x == 2) {
                throw new LibraryException("item " + x);
            }
            return x;
        }, List.of(1, 2, 3), 3));
        assertEquals(LibraryException.class.getName(), mapped.remoteType());
        assertTrue(mapped.getSuppressed()[1].getMessage().contains("for item 1"),
                mapped.getSuppressed()[1].getMessage());
    }

    @Test
    @Timeout(60)
    void classesDefinedAtRunTimeComeBackAsThemselves() throws Exception {
        var code = InMemoryCompiler.compile(Map.of("nbpool.Cell", PoolTestCode.NOTEBOOK));
        ChildProcesses.setCodeProvider(target -> new CodeSnapshot(code.bytes(), List.of()));
        Session.current().registerUserLoader(code.loader());
        try {
            Class<?> cell = Class.forName("nbpool.Cell", true, code.loader());
            var box = (SerializableCallable<?>) cell.getMethod("box", int.class).invoke(null, 9);
            Object b = pool.submit(box).get();
            assertSame(code.loader(), b.getClass().getClassLoader());
            assertEquals(9, b.getClass().getField("value").get(b));

            var fail = (SerializableCallable<?>) cell.getMethod("fail").invoke(null);
            Throwable oops = failureOf(fail);
            assertEquals("nbpool.Cell$Oops", oops.getClass().getName());
            assertSame(code.loader(), oops.getClass().getClassLoader(),
                    "a session's exception class arrives as itself");
            assertEquals("notebook failure", oops.getMessage());
        } finally {
            Session.current().unregisterUserLoader(code.loader());
            ChildProcesses.setCodeProvider(null);
        }
    }
}
