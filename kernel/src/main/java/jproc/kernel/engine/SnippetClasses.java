package jproc.kernel.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class bytes JShell compiled for the notebook's snippets, as the compiler produced them (not instrumented):
 * the latest version per binary class name, in load order. The process module ships them to child JVMs.
 *
 * <p>Thread-safe; snapshots are copies.
 */
public final class SnippetClasses {
    private final LinkedHashMap<String, byte[]> latest = new LinkedHashMap<>();
    private long version;

    /** Records the bytes of a class that was just loaded (a newer version of a name replaces the older one). */
    synchronized void record(String binaryName, byte[] bytes) {
        latest.remove(binaryName);
        latest.put(binaryName, bytes.clone());
        version++;
    }

    /** Grows by one with every recorded class; caches keyed on it see new snippets. */
    public synchronized long version() {
        return version;
    }

    /**
     * The recorded bytes without copying, for read-only analysis: callers must not modify the arrays. The map is a
     * copy; an array is replaced (never changed) when its class is recorded again.
     */
    public synchronized Map<String, byte[]> view() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(latest));
    }

    /** The bytes of a class, or null if no snippet defined it. */
    public synchronized byte[] bytes(String binaryName) {
        byte[] b = latest.get(binaryName);
        return b == null ? null : b.clone();
    }

    /** True if a snippet defined a class of this binary name. */
    public synchronized boolean contains(String binaryName) {
        return latest.containsKey(binaryName);
    }

    /** A copy of every recorded class: binary name to bytes, in load order. */
    public synchronized Map<String, byte[]> snapshot() {
        var copy = new LinkedHashMap<String, byte[]>();
        latest.forEach((k, v) -> copy.put(k, v.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /** The recorded class names, most recently loaded first. */
    public synchronized List<String> namesNewestFirst() {
        var names = new ArrayList<>(latest.keySet());
        Collections.reverse(names);
        return names;
    }

    /** The number of recorded classes. */
    public synchronized int size() {
        return latest.size();
    }
}
