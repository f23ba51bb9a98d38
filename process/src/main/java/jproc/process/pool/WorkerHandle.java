package jproc.process.pool;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;
import jproc.process.spawn.WireWriter;

/** The parent's side of one pool worker: its process, result socket, and what was sent to it. */
final class WorkerHandle {
    final ChildProcess process;
    final int index;
    SocketChannel results;
    int inflight;
    boolean dead;
    boolean leaving;
    private final Map<String, Integer> sentClasses = new HashMap<>();
    private final Set<Integer> sentFunctions = new HashSet<>();
    private CodeParts lastCode;

    WorkerHandle(ChildProcess process, int index) {
        this.process = process;
        this.index = index;
    }

    /**
     * Sends a task with whatever code and function the worker lacks; the caller holds the pool's lock. The code of
     * a submission (new classes, statics) goes once per worker; new classes make the worker start a new class
     * loader generation and forget its functions, so they are sent again.
     */
    void send(PendingTask t) throws IOException {
        if (!t.code.isEmpty() && t.code != lastCode) {
            lastCode = t.code;
            var w = PoolProtocol.start(PoolProtocol.CODE, 1024);
            int at = w.size();
            w.putInt(0);
            int n = 0;
            for (var e : t.code.classes.entrySet()) {
                int hash = Arrays.hashCode(e.getValue());
                Integer old = sentClasses.put(e.getKey(), hash);
                if (old == null || old != hash) {
                    w.putString(e.getKey()).putBytes(e.getValue());
                    n++;
                }
            }
            w.setInt(at, n);
            if (n > 0) {
                sentFunctions.clear();
            }
            appendRaw(w, t.code.statics);
            write(PoolProtocol.finish(w));
        }
        if (t.kind == PoolProtocol.KIND_MAP && sentFunctions.add(t.fnId)) {
            var w = PoolProtocol.start(PoolProtocol.FUNC, t.fnBytes.length + 16);
            w.putInt(t.fnId).putBytes(t.fnBytes);
            write(PoolProtocol.finish(w));
        }
        var w = PoolProtocol.start(PoolProtocol.TASK, t.payload.length + 32);
        w.putLong(t.id).putByte(t.kind);
        if (t.kind == PoolProtocol.KIND_MAP) {
            w.putInt(t.fnId);
            appendRaw(w, t.payload);
        } else {
            w.putBytes(t.payload);
        }
        write(PoolProtocol.finish(w));
    }

    void sendShutdown() {
        try {
            write(PoolProtocol.finish(PoolProtocol.start(PoolProtocol.SHUTDOWN, 8)));
        } catch (IOException e) {
            // already gone
        }
    }

    private static void appendRaw(WireWriter w, byte[] bytes) {
        w.putRaw(bytes);
    }

    private void write(byte[] frame) throws IOException {
        ChildProcesses.sendFrame(process, frame);
    }
}
