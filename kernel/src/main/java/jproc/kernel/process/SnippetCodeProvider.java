package jproc.kernel.process;

import jproc.kernel.engine.SnippetClasses;
import jproc.process.CodeProvider;
import jproc.process.CodeSnapshot;
import jproc.process.NotCopyableException;
import jproc.process.StaticValue;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Ships notebook code to children: the JShell snippet classes a target needs and copies of the notebook variables
 * its code reads.
 *
 * <p>JShell keeps each top-level variable as a static field of a wrapper class ({@code REPL.$JShell$12.queue}).
 * Starting from the target's code (the lambda's implementation method, or every method of a notebook class), the
 * provider follows calls through snippet classes and collects each {@code GETSTATIC} of a wrapper field: only
 * those variables are copied. Each value must survive Java serialization; otherwise {@link NotCopyableException}
 * names the variable and its type. The classes shipped are the snippet classes reachable, through the names in
 * their constant pools, from the target's classes, the copied values' classes and the classes in the target's
 * serialized form.
 *
 * <p>Called on the thread that starts a child; the analysis of the code is cached per target code and snippet
 * version, values are read on every call.
 */
public final class SnippetCodeProvider implements CodeProvider {
    private static final Pattern WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$[0-9]+[A-Z]*");

    private final SnippetClasses classes;
    private final ClassLoader loader;
    private final CodeIndex index = new CodeIndex();
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    /** What a target's code needs, independent of variable values. */
    private record Plan(long version, Set<CodeIndex.FieldRef> statics, Set<String> codeClasses) {
    }

    /**
     * @param classes the recorded snippet classes
     * @param loader  the loader that defined them in the kernel (to read variable values)
     */
    public SnippetCodeProvider(SnippetClasses classes, ClassLoader loader) {
        this.classes = classes;
        this.loader = loader;
    }

    @Override
    public CodeSnapshot snapshot(Object target) {
        if (target == null || classes.size() == 0) {
            return CodeSnapshot.EMPTY;
        }
        Map<String, byte[]> recorded = classes.view();
        SerializedLambda lambda = serializedLambda(target);
        String key = lambda != null
                ? lambda.getImplClass() + "." + lambda.getImplMethodName() + lambda.getImplMethodSignature() + "@"
                + lambda.getCapturingClass()
                : target.getClass().getName();
        Plan plan = plans.get(key);
        long version = classes.version();
        if (plan == null || plan.version() != version) {
            plan = plan(target, lambda, recorded, version);
            plans.put(key, plan);
        }
        var extraClasses = new LinkedHashSet<String>();
        if (lambda != null) {
            for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
                Object arg = lambda.getCapturedArg(i);
                if (arg != null && !isPlain(arg)) {
                    extraClasses.addAll(serializedClasses(arg, "value #" + (i + 1) + " captured by the lambda"));
                }
            }
        } else {
            extraClasses.addAll(serializedClasses(target, "the process object " + displayType(target.getClass())));
        }
        var statics = new ArrayList<StaticValue>();
        for (CodeIndex.FieldRef f : plan.statics()) {
            Object value = read(f);
            if (value != null && !isPlain(value)) {
                extraClasses.addAll(serializedClasses(value, "notebook variable " + f.name()));
            }
            statics.add(new StaticValue(f.owner(), f.name(), value));
        }
        Set<String> all = new LinkedHashSet<>(plan.codeClasses());
        if (!extraClasses.isEmpty()) {
            all.addAll(closure(extraClasses, recorded));
        }
        var shipped = new LinkedHashMap<String, byte[]>();
        for (String name : all) {
            byte[] b = recorded.get(name);
            if (b != null) {
                shipped.put(name, b);
            }
        }
        return new CodeSnapshot(shipped, statics);
    }

    private Plan plan(Object target, SerializedLambda lambda, Map<String, byte[]> recorded, long version) {
        var startClasses = new LinkedHashSet<String>();
        var work = new ArrayDeque<CodeIndex.MethodRef>();
        if (lambda != null) {
            startClasses.add(CodeIndex.binary(lambda.getCapturingClass()));
            String impl = CodeIndex.binary(lambda.getImplClass());
            startClasses.add(impl);
            work.add(new CodeIndex.MethodRef(impl, lambda.getImplMethodName(), lambda.getImplMethodSignature()));
        } else {
            for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
                addWholeClass(c.getName(), recorded, startClasses, work);
                for (Class<?> i : c.getInterfaces()) {
                    addWholeClass(i.getName(), recorded, startClasses, work);
                }
            }
        }
        Set<String> codeClasses = closure(startClasses, recorded);
        var statics = new LinkedHashSet<CodeIndex.FieldRef>();
        var done = new HashSet<CodeIndex.MethodRef>();
        while (!work.isEmpty()) {
            CodeIndex.MethodRef m = work.poll();
            if (!done.add(m)) {
                continue;
            }
            byte[] bytes = recorded.get(m.owner());
            if (bytes == null) {
                continue;
            }
            CodeIndex.MethodInfo info = index.info(m.owner(), bytes).methods().get(m.name() + m.descriptor());
            if (info == null) {
                continue;
            }
            for (CodeIndex.FieldRef f : info.staticReads()) {
                if (isVariable(f, recorded)) {
                    statics.add(f);
                }
            }
            for (CodeIndex.MethodRef call : info.calls()) {
                if (recorded.containsKey(call.owner())) {
                    work.add(call);
                    addClassInit(call.owner(), work);
                }
            }
            for (CodeIndex.MethodRef v : info.virtualCalls()) {
                // a call through a type may land in any notebook class that overrides it
                for (String cn : codeClasses) {
                    byte[] b = recorded.get(cn);
                    if (b != null && index.info(cn, b).methods().containsKey(v.name() + v.descriptor())) {
                        work.add(new CodeIndex.MethodRef(cn, v.name(), v.descriptor()));
                    }
                }
            }
        }
        for (CodeIndex.FieldRef f : statics) {
            codeClasses.addAll(closure(Set.of(f.owner()), recorded));
        }
        return new Plan(version, statics, codeClasses);
    }

    private void addWholeClass(String name, Map<String, byte[]> recorded, Set<String> startClasses,
                               ArrayDeque<CodeIndex.MethodRef> work) {
        byte[] b = recorded.get(name);
        if (b == null) {
            return;
        }
        startClasses.add(name);
        for (String m : index.info(name, b).methods().keySet()) {
            int p = m.indexOf('(');
            work.add(new CodeIndex.MethodRef(name, m.substring(0, p), m.substring(p)));
        }
    }

    private static void addClassInit(String owner, ArrayDeque<CodeIndex.MethodRef> work) {
        work.add(new CodeIndex.MethodRef(owner, "<clinit>", "()V"));
    }

    private boolean isVariable(CodeIndex.FieldRef f, Map<String, byte[]> recorded) {
        if (!WRAPPER.matcher(f.owner()).matches() || f.name().startsWith("$assertions")) {
            return false;
        }
        byte[] b = recorded.get(f.owner());
        return b != null && index.info(f.owner(), b).staticFields().contains(f.name());
    }

    /** Every recorded class reachable from {@code start} through constant-pool names. */
    private Set<String> closure(Set<String> start, Map<String, byte[]> recorded) {
        var result = new LinkedHashSet<String>();
        var work = new ArrayDeque<>(start);
        while (!work.isEmpty()) {
            String c = work.poll();
            byte[] b = recorded.get(c);
            if (b == null || !result.add(c)) {
                continue;
            }
            for (String r : index.info(c, b).referencedClasses()) {
                if (!result.contains(r) && recorded.containsKey(r)) {
                    work.add(r);
                }
            }
        }
        return result;
    }

    private Object read(CodeIndex.FieldRef f) {
        try {
            Field field = Class.forName(f.owner(), false, loader).getDeclaredField(f.name());
            if (!Modifier.isStatic(field.getModifiers())) {
                return null;
            }
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static boolean isPlain(Object v) {
        return v instanceof String || v instanceof Number && v.getClass().getName().startsWith("java.lang.")
                || v instanceof Boolean || v instanceof Character || v instanceof Enum<?> && !isSnippet(v.getClass());
    }

    private static boolean isSnippet(Class<?> c) {
        return c.getName().startsWith("REPL.");
    }

    /**
     * Serializes a value into nothing, to check that it can be copied and to learn the classes in its form.
     *
     * @param what what the value is, for the error (e.g. {@code notebook variable queue})
     */
    static Set<String> serializedClasses(Object value, String what) {
        var seen = new LinkedHashSet<String>();
        try (var out = new ObjectOutputStream(OutputStream.nullOutputStream()) {
            @Override
            protected void annotateClass(Class<?> cl) {
                seen.add(cl.getName());
            }

            @Override
            protected void annotateProxyClass(Class<?> cl) {
                seen.add(cl.getName());
            }
        }) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            String type = value.getClass().getName();
            String detail = e.getMessage() != null && !e.getMessage().equals(type)
                    ? "it holds a " + e.getMessage() + ", which is not Serializable"
                    : (value instanceof Serializable ? null : type + " does not implement java.io.Serializable");
            throw new NotCopyableException(what, displayType(value.getClass()), detail, e);
        } catch (IOException | RuntimeException e) {
            throw new NotCopyableException(what, displayType(value.getClass()), String.valueOf(e), e);
        }
        return seen;
    }

    private static String displayType(Class<?> c) {
        String n = c.getName();
        int cut = n.lastIndexOf('$');
        return n.startsWith("REPL.") && cut >= 0 ? n.substring(cut + 1) : n;
    }

    /** The serialized form of a serializable lambda, or null if the target is not one. */
    static SerializedLambda serializedLambda(Object target) {
        if (!(target instanceof Serializable) || !target.getClass().isSynthetic()) {
            return null;
        }
        try {
            Method m = target.getClass().getDeclaredMethod("writeReplace");
            m.setAccessible(true);
            Object form = m.invoke(target);
            return form instanceof SerializedLambda s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The variables (wrapper fields) the code of a target reads; for tests and diagnostics. */
    List<String> variablesUsedBy(Object target) {
        return snapshot(target).statics().stream().map(StaticValue::field).toList();
    }
}
