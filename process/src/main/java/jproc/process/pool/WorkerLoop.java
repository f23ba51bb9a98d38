package jproc.process.pool;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import jproc.ipc.session.Session;
import jproc.process.SerializableRunnable;
import jproc.process.agent.ParentFrames;
import jproc.process.agent.ShippedClassLoader;
import jproc.process.spawn.ObjectStreams;
import jproc.process.spawn.ValueCodec;
import jproc.process.spawn.WireReader;

/**
 * The worker half of the pool protocol ({@link PoolProtocol}): the target of every pool worker. Runs tasks one
 * at a time on the child's main thread, in arrival order.
 */
final class WorkerLoop implements SerializableRunnable {
    private static final long serialVersionUID = 1L;

    private final String socket;
    private final byte[] token;
    private final int index;

    private transient ClassLoader loader;
    private transient ShippedClassLoader shipped;
    private transient Map<String, byte[]> known;
    private transient Map<Integer, Object> functions;
    private transient SocketChannel out;

    WorkerLoop(String socket, byte[] token, int index) {
        this.socket = socket;
        this.token = token.clone();
        this.index = index;
    }

    @Override
    public void run() {
        var frames = new LinkedBlockingQueue<byte[]>();
        ParentFrames.setHandler(frames::add);
        loader = Thread.currentThread().getContextClassLoader();
        known = new LinkedHashMap<>();
        functions = new HashMap<>();
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            out = ch;
            var hello = PoolProtocol.start(PoolProtocol.HELLO, 64);
            hello.putInt(index).putBytes(token);
            send(PoolProtocol.finish(hello));
            while (true) {
                byte[] f = frames.take();
                var in = new WireReader(f);
                int type = in.getByte();
                if (type == PoolProtocol.SHUTDOWN) {
                    return;
                }
                handle(type, in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("pool worker " + index + " lost its result socket " + socket, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(int type, WireReader in) throws IOException {
        if (type == PoolProtocol.CODE) {
            code(in);
        } else if (type == PoolProtocol.FUNC) {
            int id = in.getInt();
            functions.put(id, ObjectStreams.deserializeUnchecked(in.getBytes(), loader));
        } else if (type == PoolProtocol.TASK) {
            task(in);
        }
    }

    private void code(WireReader in) throws IOException {
        int n = in.getInt();
        var fresh = new LinkedHashMap<String, byte[]>();
        for (int i = 0; i < n; i++) {
            fresh.put(in.getString(), in.getBytes());
        }
        if (!fresh.isEmpty()) {
            // a class cannot change in a loader that defined it, and functions hold on to the loader that defined
            // their classes: new classes start a new generation with every class, and cached functions go (the
            // parent sends them again)
            known.putAll(fresh);
            if (shipped != null) {
                Session.current().unregisterUserLoader(shipped);
            }
            shipped = new ShippedClassLoader(new HashMap<>(known), getClass().getClassLoader());
            Session.current().registerUserLoader(shipped);
            loader = shipped;
            Thread.currentThread().setContextClassLoader(shipped);
            functions.clear();
        }
        int statics = in.getInt();
        for (int i = 0; i < statics; i++) {
            String c = in.getString();
            String f = in.getString();
            try {
                Object v = ValueCodec.read(in, loader);
                Field field = Class.forName(c, true, loader).getDeclaredField(f);
                field.setAccessible(true);
                field.set(null, v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot restore static " + c + "." + f + " in a pool worker", e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void task(WireReader in) throws IOException {
        long id = in.getLong();
        int kind = in.getByte();
        int item = -1;
        try {
            var w = PoolProtocol.start(PoolProtocol.RESULT, 256);
            w.putLong(id);
            if (kind == PoolProtocol.KIND_MAP) {
                var fn = (Function<Object, Object>) functions.get(in.getInt());
                List<Object> items = ValueCodec.readList(in, loader);
                var results = new ArrayList<Object>(items.size());
                for (item = 0; item < items.size(); item++) {
                    results.add(fn.apply(items.get(item)));
                }
                item = -1;
                ValueCodec.writeList(w, results);
            } else {
                Object task = ObjectStreams.deserializeUnchecked(in.getBytes(), loader);
                Object result = null;
                if (kind == PoolProtocol.KIND_CALL) {
                    result = ((Callable<Object>) task).call();
                } else {
                    ((Runnable) task).run();
                }
                ValueCodec.write(w, result);
            }
            send(PoolProtocol.finish(w));
        } catch (Throwable t) {
            send(error(id, item, t));
        }
    }

    /** The ERROR frame: the exception serialized (empty if it cannot be), then described as plain data. */
    static byte[] error(long id, int item, Throwable t) {
        byte[] payload;
        String unserializable = null;
        try {
            payload = ObjectStreams.serialize(t);
        } catch (IOException | RuntimeException e) {
            payload = new byte[0];
            unserializable = e.toString();
        }
        var w = PoolProtocol.start(PoolProtocol.ERROR, payload.length + 1024);
        w.putLong(id).putInt(item).putBytes(payload).putString(unserializable);
        RemoteThrowables.describe(w, t);
        return PoolProtocol.finish(w);
    }

    private void send(byte[] frame) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(frame);
        while (b.hasRemaining()) {
            out.write(b);
        }
    }
}
