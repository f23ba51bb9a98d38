package jproc.process.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jproc.process.ChildProcesses;
import jproc.process.SerializableCallable;
import jproc.process.spawn.WarmPool;

/** A pool of two worker JVMs shared by the tests (like a notebook would), plus short-lived ones. */
class ProcessPoolIT {
    private static ProcessPool pool;

    @BeforeAll
    static void startPool() {
        pool = new ProcessPool(2);
    }

    @AfterAll
    static void closePool() throws InterruptedException {
        pool.close();
        assertTrue(pool.isTerminated());
        WarmPool.instance().discardSpares();
        ChildProcesses.killAll(2000);
        long end = System.currentTimeMillis() + 3000;
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)
                && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).collect(Collectors.toList()), "no worker left behind");
    }

    static int square(int n) {
        return n * n;
    }

    @Test
    @Timeout(60)
    void mapReturnsResultsInTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 10_000).boxed().collect(Collectors.toList());
        List<Integer> squares = pool.map(x -> x * x, items);
        assertEquals(items.stream().map(x -> x * x).collect(Collectors.toList()), squares);
        assertEquals(List.of("a!", "b!"), pool.map(s -> s + "!", List.of("a", "b")));
        assertEquals(List.of(), pool.map(x -> x, List.of()));
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            pool.map(x -> x * x, items);
        }
        System.out.printf("pool map of 10k items: %.2f ms each%n", (System.nanoTime() - t0) / 20e6);
    }

    @Test
    @Timeout(60)
    void submittedTasksRunInTheWorkersWhosePidsAreVisible() throws Exception {
        var futures = new ArrayList<Future<long[]>>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            futures.add(pool.submit(() -> new long[] {square(n), ProcessHandle.current().pid()}));
        }
        var pids = new HashSet<Long>();
        for (int i = 0; i < 10; i++) {
            long[] r = futures.get(i).get();
            assertEquals(i * i, r[0]);
            pids.add(r[1]);
        }
        assertTrue(pool.pids().containsAll(pids), pids + " within " + pool.pids());
        assertEquals(2, pool.pids().size());
        assertTrue(pool.workers().get(0).name().startsWith("PoolWorker-"));
        assertTrue(pool.toString().contains("workers=2"), pool.toString());
    }

    @Test
    @Timeout(60)
    void remoteExceptionKeepsTheWorkersTypeAndStack() throws Exception {
        Future<Integer> f = pool.submit(() -> Integer.parseInt("not a number"));
        var e = assertThrows(ExecutionException.class, f::get);
        assertInstanceOf(NumberFormatException.class, e.getCause());
        var trace = List.of(e.getCause().getStackTrace()).toString();
        assertTrue(trace.contains("Integer.parseInt"), trace);
        assertTrue(e.getCause().getSuppressed()[0].getMessage().contains("raised in pool worker PoolWorker-"));

        var mapped = assertThrows(ArithmeticException.class,
                () -> pool.map(x -> 10 / x, List.of(5, 2, 0, 1)));
        assertTrue(mapped.getSuppressed()[0].getMessage().contains("for item 2"), mapped.getSuppressed()[0].getMessage());

        SerializableCallable<Integer> checked = () -> {
            throw new IOException("disk on fire");
        };
        var c = assertThrows(ExecutionException.class, () -> pool.submit(checked).get());
        assertInstanceOf(IOException.class, c.getCause());
        var unchecked = assertThrows(UncheckedIOException.class, () -> pool.map(x -> {
            throw new UncheckedIOException(new IOException("x" + x));
        }, List.of(1)));
        assertEquals("java.io.IOException: x1", unchecked.getMessage());
    }

    @Test
    @Timeout(60)
    void unorderedMapAndInvokeAllDeliverEveryResult() throws Exception {
        var got = new ArrayList<Integer>();
        for (int r : pool.<Integer, Integer>mapUnordered(x -> x + 1, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9))) {
            got.add(r);
        }
        got.sort(null);
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10), got);
        List<Callable<String>> tasks = List.of((SerializableCallable<String>) () -> "a",
                (SerializableCallable<String>) () -> "b");
        var all = pool.invokeAll(tasks);
        assertEquals("a", all.get(0).get());
        assertEquals("b", all.get(1).get());
        assertTrue(List.of("a", "b").contains(pool.invokeAny(tasks)));
    }

    @Test
    @Timeout(60)
    void taskThatCannotBeCopiedFailsInTheCaller() {
        Callable<Integer> plain = new Callable<>() {
            @Override
            public Integer call() {
                return 1;
            }
        };
        var e = assertThrows(jproc.process.NotCopyableException.class, () -> pool.submit(plain));
        assertTrue(e.getMessage().contains("SerializableCallable"), e.getMessage());
    }

    @Test
    @Timeout(60)
    void workerDeathBreaksThePoolAndCloseRejectsNewTasks() throws Exception {
        var small = new ProcessPool(1);
        assertEquals(3, small.submit(() -> 1 + 2).get());
        Future<Object> dies = small.submit(() -> {
            System.exit(7);
            return null;
        });
        var e = assertThrows(ExecutionException.class, dies::get);
        assertInstanceOf(BrokenPoolException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("exit code 7"), e.getCause().getMessage());
        assertThrows(BrokenPoolException.class, () -> small.submit(() -> 1));
        small.close();
        var other = new ProcessPool(1);
        other.close();
        assertTrue(other.isTerminated());
        assertThrows(RejectedExecutionException.class, () -> other.submit(() -> 1));
    }
}
