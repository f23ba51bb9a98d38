package jproc.process.pool;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jproc.ipc.session.Session;
import jproc.process.ChildProcess;
import jproc.process.ChildStartException;
import jproc.process.OutputSink;
import jproc.process.spawn.WireReader;

/**
 * Starts a pool's workers: a Unix-domain socket (owner-only file, removed once all workers are connected), one
 * daemon child per worker running {@link WorkerLoop}, and the HELLO handshake with a random token.
 */
final class PoolStartup {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final AtomicInteger WORKERS = new AtomicInteger();
    private static final long START_TIMEOUT_MILLIS = 60_000;
    /** How long a connection may take to send its HELLO (a worker sends it at once). */
    static final long HELLO_TIMEOUT_MILLIS = 5_000;
    /** The largest HELLO accepted (kind, index, 16-byte token and their lengths need under 64 bytes). */
    static final int MAX_HELLO_BYTES = 256;

    private final List<WorkerHandle> workers = new ArrayList<>();

    private PoolStartup() {
    }

    /**
     * Starts {@code n} workers and waits until each has connected.
     *
     * @throws ChildStartException if a worker dies first or none connects within 60 s (the workers are killed)
     */
    static List<WorkerHandle> start(int n, List<String> jvmOptions, OutputSink sink) {
        var s = new PoolStartup();
        try {
            s.run(n, jvmOptions, sink);
        } catch (RuntimeException e) {
            for (WorkerHandle w : s.workers) {
                if (w.process.pid() > 0) {
                    w.process.kill();
                }
            }
            throw e;
        }
        return s.workers;
    }

    private void run(int n, List<String> jvmOptions, OutputSink sink) {
        int poolId = POOLS.incrementAndGet();
        Path socket = Session.current().file("sock", "pool-" + ProcessHandle.current().pid() + "-" + poolId);
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Files.deleteIfExists(socket);
            server.bind(UnixDomainSocketAddress.of(socket));
            try {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the token still authenticates workers
            }
            for (int i = 0; i < n; i++) {
                var p = new ChildProcess("PoolWorker-" + WORKERS.incrementAndGet(),
                        new WorkerLoop(socket.toString(), token, i)).daemon(true);
                if (jvmOptions != null && !jvmOptions.isEmpty()) {
                    p.jvmOptions(jvmOptions.toArray(new String[0]));
                }
                if (sink != null) {
                    p.output(sink);
                }
                workers.add(new WorkerHandle(p, i));
                p.start();
            }
            accept(server, token);
        } catch (IOException e) {
            throw new ChildStartException("cannot open the pool's result socket " + socket + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException ignored) {
                // removed with the session's files
            }
        }
    }

    private void accept(ServerSocketChannel server, byte[] token) throws IOException {
        var watchdog = new Thread(() -> watch(server), "jproc-pool-startup");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            int connected = 0;
            while (connected < workers.size()) {
                SocketChannel ch;
                try {
                    ch = server.accept();
                } catch (IOException e) {
                    throw new ChildStartException("pool workers did not connect: " + problem(), e);
                }
                byte[] hello = readHello(ch);
                WorkerHandle w = hello == null ? null : check(new WireReader(hello), token);
                if (w == null) {
                    ch.close(); // not one of ours
                    continue;
                }
                w.results = ch;
                connected++;
            }
        } finally {
            watchdog.interrupt();
        }
    }

    /**
     * Reads the HELLO frame of a connection within {@link #HELLO_TIMEOUT_MILLIS}, or returns null: a connection
     * that sends nothing, too little or too much (anything that is not a worker) cannot stall the pool's start.
     * The channel is left in blocking mode for the result reader.
     */
    static byte[] readHello(SocketChannel ch) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4);
        ByteBuffer body = null;
        long deadline = System.nanoTime() + HELLO_TIMEOUT_MILLIS * 1_000_000L;
        ch.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            ch.register(selector, SelectionKey.OP_READ);
            while (true) {
                ByteBuffer target = body == null ? header : body;
                int r = ch.read(target);
                if (r < 0) {
                    return null;
                }
                if (body == null && !header.hasRemaining()) {
                    int len = header.flip().getInt();
                    if (len < 0 || len > MAX_HELLO_BYTES) {
                        return null;
                    }
                    body = ByteBuffer.allocate(len);
                }
                if (body != null && !body.hasRemaining()) {
                    return body.array();
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return null;
                }
                if (r == 0) {
                    selector.select(left);
                    selector.selectedKeys().clear();
                }
            }
        } finally {
            ch.configureBlocking(true); // the selector is closed: the key is gone
        }
    }

    private WorkerHandle check(WireReader in, byte[] token) throws IOException {
        if (in.getByte() != PoolProtocol.HELLO) {
            return null;
        }
        int index = in.getInt();
        if (!MessageDigest.isEqual(token, in.getBytes()) || index < 0 || index >= workers.size()
                || workers.get(index).results != null) {
            return null;
        }
        return workers.get(index);
    }

    /** Closes the server socket (failing accept) when a worker dies before connecting, or after the timeout. */
    private void watch(ServerSocketChannel server) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        try {
            while (System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                for (WorkerHandle w : workers) {
                    if (w.results == null && !w.process.isAlive()) {
                        server.close();
                        return;
                    }
                }
            }
            server.close();
        } catch (InterruptedException | IOException e) {
            // started
        }
    }

    private String problem() {
        var sb = new StringBuilder();
        for (WorkerHandle w : workers) {
            if (w.results == null) {
                sb.append(w.process.name()).append(w.process.isAlive() ? " still starting; "
                        : " exited with code " + w.process.exitCode() + " (its stderr shows why); ");
            }
        }
        return sb.append("check the JVM options and the classpath").toString();
    }
}
