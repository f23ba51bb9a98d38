package jproc.bench.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jproc.ipc.queue.ProcessQueue;
import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;

/**
 * Crafted serialization streams sent through a real queue to a child JVM that has the attacker's classes on its
 * classpath. An attack is blocked when {@code get} rejects it with {@code MessageRejectedException} within 20 s, no
 * code named by the stream ran (no marker file, no class initialised), and the next ordinary message still
 * arrives. Streams that carry code are also read once without the filter, in this JVM, to show that the attack
 * would have worked. Figures: {@code deser_attacks}, {@code deser_blocked}, {@code deser_not_blocked},
 * {@code deser_controls_effective}.
 */
final class DeserAttacks {
    private static final long ATTACK_TIMEOUT_MS = 20_000;

    private DeserAttacks() {
    }

    static void run(RunOptions options, Workdir work, ChildLog log, Figures figures) {
        Path classes = CanaryClasses.compile(work.file("canary"));
        Path markers = work.file("markers");
        try {
            Files.createDirectories(markers);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Attack> attacks;
        try (var loader = CanaryClasses.loader(classes)) {
            attacks = AttackStreams.build(loader, markers);
            Workdir.deleteTree(markers);
            Files.createDirectories(markers);
            ChildProcesses.addClasspath(classes.toString());
            int blocked = attack(attacks, markers, work, log, figures);
            figures.set("deser_attacks", attacks.size());
            figures.set("deser_blocked", blocked);
            figures.set("deser_not_blocked", attacks.size() - blocked);
            controls(attacks, loader, figures);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int attack(List<Attack> attacks, Path markers, Workdir work, ChildLog log, Figures figures) {
        int n = attacks.size();
        Path booksFile = work.file("deser-books");
        int slots = DeserWorkers.outcomeSlot(n) + 1;
        int blocked = 0;
        Set<String> inits = new HashSet<>();
        try (var books = SharedLongs.create(booksFile, slots);
             ProcessQueue<Object> queue = ProcessQueue.of("rel-deser-" + ProcessHandle.current().pid())) {
            ChildProcess receiver = null;
            try {
                for (int i = 0; i < n; i++) {
                    if (receiver == null) {
                        receiver = new ChildProcess("deser-receiver-" + i, DeserWorkers::receiver,
                                new WorkerJob(i, n, booksFile.toString(), slots), queue)
                                .jvmOptions("-Dcanary.dir=" + markers).output(log);
                        receiver.start();
                    }
                    Attack a = attacks.get(i);
                    RawInjector.inject(queue, a.stream());
                    queue.put((long) i);
                    long deadline = System.nanoTime() + ATTACK_TIMEOUT_MS * 1_000_000;
                    while (books.get(DeserWorkers.DONE) < i + 1 && receiver.isAlive() && System.nanoTime() < deadline) {
                        Reliability.sleep(5);
                    }
                    String why = verdict(books, i, a, receiver, markers, inits);
                    if (why == null) {
                        blocked++;
                    } else {
                        figures.finding("deser", a.name() + " (" + a.stream().length + " bytes) was not blocked: " + why
                                + "; receiver stderr: " + log.errorsOf(receiver.name(), 3));
                    }
                    if (books.get(DeserWorkers.DONE) < i + 1) {
                        KillRound.killQuietly(receiver);
                        receiver = null;
                        while (queue.poll() != null) {
                            // the follow-up item the dead receiver did not take
                        }
                    }
                }
            } finally {
                if (receiver != null && !receiver.join(20_000)) {
                    figures.finding("deser", "the receiver did not end after the last attack");
                }
                if (receiver != null) {
                    KillRound.killQuietly(receiver);
                }
            }
        }
        return blocked;
    }

    /** Null if attack {@code i} was blocked; otherwise why not. */
    private static String verdict(SharedLongs books, int i, Attack a, ChildProcess receiver, Path markers,
                                  Set<String> inits) {
        int slot = DeserWorkers.outcomeSlot(i);
        long outcome = books.get(slot);
        var problems = new StringBuilder();
        if (books.get(DeserWorkers.DONE) < i + 1) {
            problems.append(outcome == 0 ? "get() did not return within " + ATTACK_TIMEOUT_MS / 1000 + " s"
                    : "the next ordinary message did not arrive").append(receiver.isAlive() ? ""
                    : " (the receiver died, exit code " + receiver.exitCode() + ")").append("; ");
            if (outcome == 0) {
                return problems.toString();
            }
        } else if (books.get(slot + 1) != 1) {
            problems.append("the next ordinary message did not arrive; ");
        }
        if (outcome == DeserWorkers.DECODED) {
            problems.append("get() returned an object; ");
        } else if (outcome == DeserWorkers.OTHER_FAILURE) {
            problems.append("get() failed with something other than MessageRejectedException; ");
        }
        if (DeserWorkers.ran(a.marker())) {
            problems.append("the stream's code ran (marker ").append(a.marker()).append(" exists); ");
        }
        try (var list = Files.list(markers)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String f = p.getFileName().toString();
                if (f.startsWith("static-init-") && inits.add(f)) {
                    problems.append("the receiver initialised a class the stream named (").append(f).append("); ");
                }
            }
        } catch (IOException e) {
            problems.append("cannot list the markers: ").append(e).append("; ");
        }
        if (outcome != 0 && books.get(slot + 2) > 5_000) {
            problems.append("get() took ").append(books.get(slot + 2)).append(" ms; ");
        }
        return problems.length() == 0 ? null : problems.toString();
    }

    /** Reads the code-carrying streams without the filter: each must run its canary, or the attack proves nothing. */
    private static void controls(List<Attack> attacks, ClassLoader loader, Figures figures) {
        int effective = 0;
        int tried = 0;
        for (Attack a : attacks) {
            if (!a.control()) {
                continue;
            }
            tried++;
            try (var in = new ObjectInputStream(new ByteArrayInputStream(a.stream())) {
                @Override
                protected Class<?> resolveClass(ObjectStreamClass desc) throws ClassNotFoundException {
                    return Class.forName(desc.getName(), false, loader);
                }

                @Override
                protected Class<?> resolveProxyClass(String[] interfaces) throws ClassNotFoundException {
                    var types = new Class<?>[interfaces.length];
                    for (int i = 0; i < interfaces.length; i++) {
                        types[i] = Class.forName(interfaces[i], false, loader);
                    }
                    return java.lang.reflect.Proxy.getProxyClass(loader, types);
                }
            }) {
                in.readObject();
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                // the canary may have run before the failure
            }
            if (DeserWorkers.ran(a.marker())) {
                effective++;
            } else {
                figures.finding("deser (suite)", "control: " + a.name() + " did not run its canary without the filter,"
                        + " so it proves nothing; fix the attack stream");
            }
        }
        figures.set("deser_controls_effective", effective);
        if (effective != tried) {
            figures.add("suite_errors", 1);
        }
    }
}
