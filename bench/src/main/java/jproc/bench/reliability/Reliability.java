package jproc.bench.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jproc.ipc.session.Session;
import jproc.process.ChildProcesses;

/**
 * The reliability suite's entry point ({@code bin/reliability [--long]}): runs every part, then prints a summary
 * table and one {@code RELIABILITY <figure> <value>} line per figure. Exit status 0 when every must-be-zero figure
 * is zero, 1 otherwise, 2 on bad arguments.
 *
 * <p>Parts: {@code kill9} (kill -9 of channel users), {@code load} (64 children on one queue), {@code deser}
 * (crafted serialization streams), {@code pitfalls} (Python multiprocessing pitfalls replayed), {@code kernel}
 * (the installed kernel under kill, restart, shutdown, interrupts, protocol fuzzing and bad magics, through
 * Debian's jupyter_client), {@code files} (owner-only modes of what JProc creates).
 */
public final class Reliability {
    private Reliability() {
    }

    public static void main(String[] args) {
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Figures figures = run(options);
        figures.print(System.out);
        System.out.println("RELIABILITY_SESSION " + Session.current().id() + " " + Session.current().directory());
        System.out.flush();
        System.exit(figures.failures().isEmpty() ? 0 : 1);
    }

    /** Runs the selected parts and returns their figures (children ended, channel files checked). */
    public static Figures run(RunOptions options) {
        var figures = new Figures();
        System.out.println("JProc reliability suite: " + (options.longForm() ? "long" : "bounded (CI)") + " form, seed "
                + options.seed() + ", parts " + options.parts());
        Path logs = options.repo().resolve("bench/target/reliability");
        try (var work = new Workdir("jproc-reliability-");
             var log = new ChildLog(logs.resolve("children.log"))) {
            ChildProcesses.setDefaultOutput(log);
            var watcher = new FileModes(figures);
            watcher.start();
            try {
                for (String part : options.parts()) {
                    long t0 = System.nanoTime();
                    System.out.println("-- " + part + " ...");
                    try {
                        runPart(part, options, work, log, figures, logs);
                    } catch (RuntimeException | Error e) {
                        figures.add("suite_errors", 1);
                        figures.finding(part, "the part stopped with " + e);
                        e.printStackTrace();
                    }
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    figures.set("seconds_" + part, ms / 1000, "s");
                    System.out.println("-- " + part + " done in " + ms + " ms");
                }
            } finally {
                watcher.stop();
            }
            if (options.runs("files")) {
                watcher.report();
            }
            ChildProcesses.killAll(5_000);
            Leftovers.finish(figures);
            leftovers(figures);
        }
        return figures;
    }

    private static void runPart(String part, RunOptions options, Workdir work, ChildLog log, Figures figures,
                                Path logs) {
        switch (part) {
            case "kill9" -> KillNine.run(options, work, log, figures);
            case "load" -> LoadTest.run(options, work, log, figures);
            case "deser" -> DeserAttacks.run(options, work, log, figures);
            case "pitfalls" -> Pitfalls.run(options, work, log, figures);
            case "kernel" -> KernelParts.run(options, logs, figures);
            case "files" -> FileModes.exercise(log);
            default -> throw new IllegalArgumentException("unknown part " + part);
        }
    }

    /** Children still alive and channel files of this session still present once everything was closed. */
    private static void leftovers(Figures figures) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline && (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)
                || !channelFiles().isEmpty())) {
            sleep(50);
        }
        var alive = new ArrayList<String>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(h -> {
            long parent = h.parent().map(ProcessHandle::pid).orElse(-1L);
            alive.add(h.pid() + " (parent " + parent + (parent == self ? ", the suite" : "") + ") "
                    + h.info().commandLine().orElse("?"));
        });
        figures.set("leftover_processes", alive.size());
        if (!alive.isEmpty()) {
            figures.finding("leftovers", "processes still alive after the suite: " + alive);
        }
        List<String> files = channelFiles().stream().filter(f -> !Leftovers.REPORTED.contains(f)).toList();
        figures.set("leftover_shm_files", files.size());
        if (!files.isEmpty()) {
            figures.finding("leftovers", "channel files still present after every channel was closed and every "
                    + "child ended (not counted by a round): " + files);
        }
    }

    /** This session's files other than trace files (those stay until the session ends). */
    static List<String> channelFiles() {
        Session s = Session.current();
        var files = new ArrayList<String>();
        try (var list = Files.list(s.directory())) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(s.filePrefix()) && !n.startsWith(s.filePrefix() + "trace-")) {
                    files.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** The classpath of this JVM, for the suite's own helper JVMs. */
    static List<String> classpath() {
        return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
    }
}
