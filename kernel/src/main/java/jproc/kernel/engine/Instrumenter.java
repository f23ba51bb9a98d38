package jproc.kernel.engine;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashSet;
import java.util.Set;

/**
 * Rewrites snippet class bytes before the kernel loads them.
 *
 * <ul>
 *   <li>A call to {@link CellInterrupts#poll()} at every method entry and before every backward branch, so that a
 *       CPU-bound loop such as {@code while (true) {}} stops when the cell is interrupted. The call takes and
 *       returns nothing, so stack sizes and stack map frames stay valid and no frame is recomputed.</li>
 *   <li>{@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} (calls and method references) go to
 *       {@link ExitGuard}, which throws {@link SystemExitError}.</li>
 * </ul>
 *
 * <p>Only the kernel's own copy is rewritten; the recorded bytes shipped to child JVMs are the compiler's.
 */
public final class Instrumenter {
    private static final String POLL_OWNER = Type.internal(CellInterrupts.class);
    private static final String GUARD = Type.internal(ExitGuard.class);

    private Instrumenter() {
    }

    /**
     * Returns the instrumented bytes of one class.
     *
     * @throws IllegalArgumentException if ASM cannot read the class file (e.g. a class file version newer than
     *                                  it knows); callers may then load the original bytes
     */
    public static byte[] instrument(byte[] classFile) {
        var reader = new ClassReader(classFile);
        var writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    return mv;
                }
                return new MethodRewriter(mv);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class MethodRewriter extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        MethodRewriter(MethodVisitor mv) {
            super(Opcodes.ASM9, mv);
        }

        private void poll() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, POLL_OWNER, "poll", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            poll();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                poll();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (seen.contains(dflt) || anySeen(labels)) {
                poll();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (seen.contains(dflt) || anySeen(labels)) {
                poll();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private boolean anySeen(Label[] labels) {
            for (Label l : labels) {
                if (seen.contains(l)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            String guard = exitReplacement(opcode == Opcodes.INVOKESTATIC, owner, name, descriptor);
            if (guard != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, guard, guardDescriptor(guard), false);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
            Object[] args = bsmArgs.clone();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Handle h) {
                    String guard = exitReplacement(h.getTag() == Opcodes.H_INVOKESTATIC, h.getOwner(), h.getName(),
                            h.getDesc());
                    if (guard != null) {
                        args[i] = new Handle(Opcodes.H_INVOKESTATIC, GUARD, guard, guardDescriptor(guard), false);
                    }
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bsm, args);
        }
    }

    /** The {@link ExitGuard} method replacing a call, or null if the call is not an exit. */
    static String exitReplacement(boolean isStatic, String owner, String name, String descriptor) {
        if (!"(I)V".equals(descriptor)) {
            return null;
        }
        if (isStatic && "java/lang/System".equals(owner) && "exit".equals(name)) {
            return "exit";
        }
        if (!isStatic && "java/lang/Runtime".equals(owner)) {
            if ("exit".equals(name)) {
                return "runtimeExit";
            }
            if ("halt".equals(name)) {
                return "runtimeHalt";
            }
        }
        return null;
    }

    private static String guardDescriptor(String guard) {
        return "exit".equals(guard) ? "(I)V" : "(Ljava/lang/Runtime;I)V";
    }

    /** Internal names of classes. */
    private static final class Type {
        static String internal(Class<?> c) {
            return c.getName().replace('.', '/');
        }
    }
}
