package jproc.bench.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The crafted streams of the deserialization attacks: the shapes of known gadget chains, with the canary classes in
 * place of a real payload, plus streams that attack the receiver's memory and CPU.
 */
public final class AttackStreams {
    private AttackStreams() {
    }

    static List<Attack> build(ClassLoader canaries, Path markers) {
        var list = new ArrayList<Attack>();
        try {
            Class<?> canary = canaries.loadClass("evil.Canary");
            Class<?> canaryEx = canaries.loadClass("evil.CanaryException");
            String m1 = markers.resolve("direct").toString();
            list.add(new Attack("canary_direct", serialize(newCanary(canary, m1)), m1, true));
            String m2 = markers.resolve("in-hashmap").toString();
            var map = new HashMap<String, Object>();
            map.put("payload", newCanary(canary, m2));
            list.add(new Attack("canary_in_hashmap", serialize(map), m2, true));
            String m3 = markers.resolve("in-array").toString();
            list.add(new Attack("canary_in_object_array", serialize(new Object[] {"x", 1, newCanary(canary, m3)}), m3,
                    true));
            String m4 = markers.resolve("as-cause").toString();
            var wrapper = new IllegalStateException("wrapper",
                    (Throwable) canaryEx.getConstructor(String.class).newInstance(m4));
            list.add(new Attack("canary_exception_as_cause", serialize(wrapper), m4, true));
            String m5 = markers.resolve("proxy").toString();
            Object handler = newCanary(canary, m5);
            @SuppressWarnings("unchecked")
            Comparator<Object> cmp = (Comparator<Object>) Proxy.newProxyInstance(canaries,
                    new Class<?>[] {Comparator.class, Serializable.class},
                    (java.lang.reflect.InvocationHandler) handler);
            var pq = new PriorityQueue<Object>(2, cmp);
            list.add(new Attack("proxy_comparator_in_priority_queue", serializePriorityQueue(pq), m5 + ".invoke",
                    true));
            var urls = new HashMap<Object, String>();
            urls.put(URI.create("http://127.0.0.1:9/").toURL(), "x");
            list.add(new Attack("url_key_in_hashmap", serialize(urls), null, false));
            byte[] missing = serialize(newCanary(canary, markers.resolve("missing").toString()));
            list.add(new Attack("unknown_class", replace(missing, "evil.Canary", "evil.Cxnary"), null, false));
            byte[] whole = serialize(newCanary(canary, markers.resolve("truncated").toString()));
            list.add(new Attack("truncated_stream", java.util.Arrays.copyOf(whole, whole.length / 2), null, false));
            byte[] garbage = new byte[256];
            new java.util.Random(7).nextBytes(garbage);
            garbage[0] = (byte) 0xAC;
            garbage[1] = (byte) 0xED;
            garbage[2] = 0;
            garbage[3] = 5;
            list.add(new Attack("random_bytes_after_magic", garbage, null, false));
            Runnable lambda = (Runnable & Serializable) () -> { };
            list.add(new Attack("serialized_lambda", serialize(lambda), null, false));
            list.add(new Attack("deep_nesting_5000", deepNesting(5000), null, false));
            list.add(new Attack("serial_dos_nested_hashsets", serialDos(100), null, false));
            list.add(new Attack("array_length_claim_250M_longs", hugeArrayClaim(250_000_000), null, false));
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("cannot build the attack streams: " + e, e);
        }
        return list;
    }

    private static Object newCanary(Class<?> canary, String marker) throws ReflectiveOperationException {
        return canary.getConstructor(String.class).newInstance(marker);
    }

    static byte[] serialize(Object o) {
        var out = new ByteArrayOutputStream();
        try (var oos = new ObjectOutputStream(out)) {
            oos.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + o.getClass().getName(), e);
        }
        return out.toByteArray();
    }

    /** A priority queue whose comparator is called while it is read back (the CommonsCollections2 shape). */
    private static byte[] serializePriorityQueue(PriorityQueue<Object> pq) {
        pq.add("a");
        try {
            pq.add("b");
        } catch (RuntimeException e) {
            // the canary's comparator answered; the queue still holds both
        }
        return serialize(pq);
    }

    private static byte[] replace(byte[] b, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        byte[] out = b.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
            }
        }
        return out;
    }

    /** Object arrays nested {@code depth} deep (serialized on a thread with a large stack). */
    private static byte[] deepNesting(int depth) {
        Object[] root = new Object[1];
        Object[] cur = root;
        for (int i = 0; i < depth; i++) {
            Object[] next = new Object[1];
            cur[0] = next;
            cur = next;
        }
        byte[][] out = new byte[1][];
        var t = new Thread(null, () -> out[0] = serialize(root), "jproc-reliability-deep", 512L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return out[0];
    }

    /**
     * Nested sets whose hash codes take 2^depth steps to compute when they are read back (SerialDOS); also used by
     * the end-to-end reproduction of that finding.
     */
    public static byte[] serialDos(int depth) {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < depth; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return serialize(root);
    }

    /** A tiny stream whose {@code long[]} claims {@code length} elements, so a reader allocates before failing. */
    private static byte[] hugeArrayClaim(int length) {
        byte[] b = serialize(new long[] {42L});
        ByteBuffer.wrap(b).putInt(b.length - 12, length);
        return b;
    }

    /** For tests: the map of attack names to streams. */
    static Map<String, byte[]> byName(List<Attack> attacks) {
        var m = new java.util.LinkedHashMap<String, byte[]>();
        attacks.forEach(a -> m.put(a.name(), a.stream()));
        return m;
    }
}
