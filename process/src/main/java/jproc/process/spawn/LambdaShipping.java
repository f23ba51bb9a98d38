package jproc.process.spawn;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import jproc.process.NotCopyableException;

/**
 * Ships a serializable lambda as its {@link SerializedLambda} parts, so that the child can call the lambda's
 * implementation method by reflection without bootstrapping the lambda machinery (which costs a cold JVM
 * about 20 ms). {@link #materialize} rebuilds the real lambda where speed of repeated calls matters.
 */
public final class LambdaShipping {
    private LambdaShipping() {
    }

    /** The parent's cache of {@code writeReplace} methods (a holder, so that a child never initialises it). */
    private static final class WriteReplace {
        static final ClassValue<Method> METHODS = new ClassValue<>() {
            @Override
            protected Method computeValue(Class<?> type) {
                try {
                    Method m = type.getDeclaredMethod("writeReplace");
                    m.setAccessible(true);
                    return m;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        };
    }

    /** The serialized form of a serializable lambda, or null if {@code target} is not one. */
    public static SerializedLambda serializedForm(Object target) {
        if (target == null || !target.getClass().isSynthetic()) {
            return null;
        }
        try {
            Method m = WriteReplace.METHODS.get(target.getClass());
            if (m == null) {
                return null;
            }
            Object o = m.invoke(target);
            return o instanceof SerializedLambda ? (SerializedLambda) o : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the lambda's parts; captured values are copied with {@link ValueCodec}. */
    public static void write(WireWriter out, SerializedLambda l) throws IOException {
        out.putString(l.getCapturingClass().replace('/', '.'));
        out.putString(l.getFunctionalInterfaceClass());
        out.putString(l.getFunctionalInterfaceMethodName());
        out.putString(l.getFunctionalInterfaceMethodSignature());
        out.putInt(l.getImplMethodKind());
        out.putString(l.getImplClass());
        out.putString(l.getImplMethodName());
        out.putString(l.getImplMethodSignature());
        out.putString(l.getInstantiatedMethodType());
        out.putInt(l.getCapturedArgCount());
        for (int i = 0; i < l.getCapturedArgCount(); i++) {
            Object v = l.getCapturedArg(i);
            try {
                ValueCodec.write(out, v);
            } catch (NotSerializableException e) {
                throw new NotCopyableException("captured value " + (i + 1) + " of the lambda ("
                        + l.getImplMethodName() + ")", v.getClass().getName(), "it holds a " + e.getMessage()
                        + ", which is not Serializable", e);
            } catch (ObjectStreamException e) {
                throw new NotCopyableException("captured value " + (i + 1) + " of the lambda",
                        v.getClass().getName(), e.toString(), e);
            }
        }
    }

    /** Reads what {@link #write} wrote; classes are resolved through {@code loader}. */
    public static Call read(WireReader in, ClassLoader loader) throws IOException, ClassNotFoundException {
        String capturing = in.getString();
        String fi = in.getString();
        String fiName = in.getString();
        String fiSig = in.getString();
        int kind = in.getInt();
        String implClass = in.getString();
        String implName = in.getString();
        String implSig = in.getString();
        String instantiated = in.getString();
        int n = in.getInt();
        Object[] captured = new Object[n];
        for (int i = 0; i < n; i++) {
            captured[i] = ValueCodec.read(in, loader);
        }
        return new Call(loader, capturing, fi, fiName, fiSig, kind, implClass, implName, implSig, instantiated,
                captured);
    }

    /** A shipped lambda in the child: calls its implementation method by reflection. */
    public static final class Call {
        private final ClassLoader loader;
        private final String capturing;
        private final String fi;
        private final String fiName;
        private final String fiSig;
        private final int kind;
        private final String implClass;
        private final String implName;
        private final String implSig;
        private final String instantiated;
        private final Object[] captured;
        private Method method;

        Call(ClassLoader loader, String capturing, String fi, String fiName, String fiSig, int kind,
             String implClass, String implName, String implSig, String instantiated, Object[] captured) {
            this.loader = loader;
            this.capturing = capturing;
            this.fi = fi;
            this.fiName = fiName;
            this.fiSig = fiSig;
            this.kind = kind;
            this.implClass = implClass;
            this.implName = implName;
            this.implSig = implSig;
            this.instantiated = instantiated;
            this.captured = captured;
        }

        /** The implementation method's name (for messages). */
        public String implName() {
            return implName;
        }

        /**
         * Calls the lambda with the functional interface's arguments. Falls back to the real lambda when the
         * implementation is not a plain method (a constructor reference, a method of a named module).
         */
        public Object call(Object... args) throws Throwable {
            if (kind == MethodHandleInfo.REF_newInvokeSpecial || kind < MethodHandleInfo.REF_invokeVirtual) {
                return callMaterialized(args);
            }
            Method m = method;
            if (m == null) {
                try {
                    Class<?> owner = Class.forName(implClass.replace('/', '.'), false, loader);
                    Class<?>[] params = parameterTypes(implSig, loader);
                    m = owner.getDeclaredMethod(implName, params);
                    m.setAccessible(true);
                    method = m;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return callMaterialized(args);
                }
            }
            Object[] all = new Object[captured.length + args.length];
            System.arraycopy(captured, 0, all, 0, captured.length);
            System.arraycopy(args, 0, all, captured.length, args.length);
            try {
                if (kind == MethodHandleInfo.REF_invokeStatic) {
                    return m.invoke(null, all);
                }
                Object receiver = all[0];
                Object[] rest = new Object[all.length - 1];
                System.arraycopy(all, 1, rest, 0, rest.length);
                return m.invoke(receiver, rest);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /**
         * The parameter classes of a method descriptor such as {@code (ILjava/lang/String;[J)V}, resolved through
         * {@code loader}. Parsed here rather than with {@code MethodType}, whose first use boots the method-handle
         * machinery (milliseconds in a cold child).
         */
        static Class<?>[] parameterTypes(String descriptor, ClassLoader loader) throws ClassNotFoundException {
            var types = new java.util.ArrayList<Class<?>>();
            int i = 1;
            while (descriptor.charAt(i) != ')') {
                int start = i;
                while (descriptor.charAt(i) == '[') {
                    i++;
                }
                int end = descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
                String one = descriptor.substring(start, end);
                i = end;
                if (one.length() == 1) {
                    types.add(primitive(one.charAt(0)));
                } else if (one.charAt(0) == 'L') {
                    types.add(Class.forName(one.substring(1, one.length() - 1).replace('/', '.'), false, loader));
                } else {
                    types.add(Class.forName(one.replace('/', '.'), false, loader));
                }
            }
            return types.toArray(new Class<?>[0]);
        }

        private static Class<?> primitive(char c) {
            switch (c) {
                case 'Z': return boolean.class;
                case 'B': return byte.class;
                case 'C': return char.class;
                case 'S': return short.class;
                case 'I': return int.class;
                case 'J': return long.class;
                case 'F': return float.class;
                case 'D': return double.class;
                default: throw new IllegalArgumentException("not a parameter type: " + c);
            }
        }

        private Object callMaterialized(Object[] args) throws Throwable {
            Object lambda = materialize();
            for (Method m : lambda.getClass().getMethods()) {
                if (m.getName().equals(fiName) && m.getParameterCount() == args.length && !m.isBridge()) {
                    m.setAccessible(true);
                    try {
                        return m.invoke(lambda, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
            throw new IllegalStateException("lambda has no method " + fiName + " with " + args.length + " arguments");
        }

        /** Rebuilds the real lambda object through its capturing class's {@code $deserializeLambda$}. */
        public Object materialize() throws ReflectiveOperationException {
            Class<?> cap = Class.forName(capturing.replace('/', '.'), false, loader);
            var sl = new SerializedLambda(cap, fi, fiName, fiSig, kind, implClass, implName, implSig, instantiated,
                    captured);
            Method deserialize = cap.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
            deserialize.setAccessible(true);
            return deserialize.invoke(null, sl);
        }
    }
}
