package jproc.kernel.process;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each snippet class refers to, read from its bytes with ASM: every snippet class it names (constant pool
 * entries in package {@code REPL}, for the class closure a child needs) and, per method, the static fields it reads and the methods it calls (for the notebook variables a
 * target uses). Results are cached per class file.
 */
final class CodeIndex {
    /** A method: owner (binary name), name and descriptor. */
    record MethodRef(String owner, String name, String descriptor) {
    }

    /** A static field read: owner (binary name) and field name. */
    record FieldRef(String owner, String name) {
    }

    /** What one method does that matters here. */
    record MethodInfo(Set<FieldRef> staticReads, Set<MethodRef> calls, Set<MethodRef> virtualCalls) {
    }

    /** One class: the classes it names, its methods, its static fields. */
    record ClassInfo(byte[] bytes, Set<String> referencedClasses, Map<String, MethodInfo> methods,
                     Set<String> staticFields) {
    }

    /** JShell compiles every snippet class into package {@code REPL}; names appear in the constant pool. */
    private static final Pattern REPL_NAME = Pattern.compile("REPL/[A-Za-z0-9_$/]+");

    private final Map<String, ClassInfo> cache = new ConcurrentHashMap<>();

    /** The info of a class, computed once per class file. */
    ClassInfo info(String binaryName, byte[] bytes) {
        ClassInfo cached = cache.get(binaryName);
        if (cached != null && cached.bytes() == bytes) {
            return cached;
        }
        ClassInfo fresh = analyze(bytes);
        cache.put(binaryName, fresh);
        return fresh;
    }

    static String binary(String internalName) {
        return internalName.replace('/', '.');
    }

    private static ClassInfo analyze(byte[] bytes) {
        var refs = new HashSet<String>();
        Matcher m = REPL_NAME.matcher(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        while (m.find()) {
            refs.add(binary(m.group()));
        }
        var methods = new HashMap<String, MethodInfo>();
        var statics = new HashSet<String>();
        ClassVisitor indexer = new ClassVisitor(Opcodes.ASM9) {
            @Override
            public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor,
                                                              String signature, Object value) {
                if ((access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_SYNTHETIC) == 0) {
                    statics.add(name);
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                var info = new MethodInfo(new HashSet<>(), new HashSet<>(), new HashSet<>());
                methods.put(name + descriptor, info);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String fname, String fdesc) {
                        if (opcode == Opcodes.GETSTATIC) {
                            info.staticReads().add(new FieldRef(binary(owner), fname));
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String mname, String mdesc, boolean itf) {
                        var ref = new MethodRef(binary(owner), mname, mdesc);
                        info.calls().add(ref);
                        if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
                            info.virtualCalls().add(ref);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String iname, String idesc, Handle bsm, Object... args) {
                        for (Object a : args) {
                            if (a instanceof Handle h) {
                                info.calls().add(new MethodRef(binary(h.getOwner()), h.getName(), h.getDesc()));
                                if (h.getTag() == Opcodes.H_GETSTATIC) {
                                    info.staticReads().add(new FieldRef(binary(h.getOwner()), h.getName()));
                                }
                            }
                        }
                    }
                };
            }
        };
        var reader = new ClassReader(bytes);
        reader.accept(indexer, ClassReader.SKIP_FRAMES);
        return new ClassInfo(bytes, refs, methods, statics);
    }
}
