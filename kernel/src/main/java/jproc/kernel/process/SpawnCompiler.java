package jproc.kernel.process;

import jproc.kernel.engine.EvalResult;
import jproc.kernel.engine.JShellEngine;
import jproc.kernel.output.CellContext;
import jproc.kernel.output.CellOutput;
import jproc.process.CellCompiler;
import jproc.process.SerializableRunnable;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles a {@code %%spawn} body in the notebook session: the body becomes a method
 * {@code void $jprocSpawnN() throws Exception}, and the target a serializable lambda calling it. Notebook variables
 * the body reads are then found and copied like those of any lambda. Line and column numbers of compile errors
 * match the cell (the body starts on the cell's second line, as in the method).
 */
public final class SpawnCompiler implements CellCompiler {
    /** Prefix of the names this compiler declares in the session. */
    public static final String PREFIX = "$jprocSpawn";

    private final JShellEngine engine;
    private final CellOutput output;
    private final AtomicInteger counter = new AtomicInteger();

    /**
     * @param engine the notebook session
     * @param output the router (for the current cell's number in error messages)
     */
    public SpawnCompiler(JShellEngine engine, CellOutput output) {
        this.engine = engine;
        this.output = output;
    }

    @Override
    public SerializableRunnable compile(String childName, String code) {
        int n = counter.incrementAndGet();
        String method = PREFIX + n;
        String target = PREFIX + "Target" + n;
        CellContext cell = output.current();
        int count = cell == null ? 0 : cell.executionCount();
        EvalResult declared = engine.evalQuietly("void " + method + "() throws Exception {\n" + code + "\n}", count);
        if (declared.failed()) {
            throw new IllegalArgumentException("the code of child " + childName + " does not compile:\n"
                    + String.join("\n", declared.error().traceback()));
        }
        var missing = engine.unresolvedReferences(method);
        if (!missing.isEmpty()) {
            engine.dropWhere(src -> src.startsWith("void " + method + "()"));
            throw new IllegalArgumentException("the code of child " + childName + " uses " + String.join(", ", missing)
                    + (missing.size() == 1 ? ", which is" : ", which are") + " not defined in the notebook;"
                    + " define it in a cell first, or declare it in the child's code");
        }
        EvalResult lambda = engine.evalQuietly("jproc.process.SerializableRunnable " + target + " = () -> {\n"
                + "    try {\n        " + method + "();\n"
                + "    } catch (RuntimeException | Error e) {\n        throw e;\n"
                + "    } catch (Exception e) {\n        throw new RuntimeException(e);\n    }\n};", count);
        if (lambda.failed()) {
            throw new IllegalStateException("cannot create the target of child " + childName + ": "
                    + lambda.error().evalue());
        }
        Object value = engine.value(target).orElseThrow(() -> new IllegalStateException(
                "the target of child " + childName + " was not created"));
        engine.dropWhere(src -> src.startsWith("jproc.process.SerializableRunnable " + target + " "));
        return (SerializableRunnable) value;
    }
}
