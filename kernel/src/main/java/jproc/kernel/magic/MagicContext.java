package jproc.kernel.magic;

import jproc.kernel.engine.JShellEngine;
import jproc.kernel.output.CellContext;
import jproc.kernel.output.CellOutput;
import jproc.process.CellCompiler;
import jproc.process.ChildProcesses;
import jproc.process.CodeProvider;

import java.util.Map;
import java.util.Optional;

/**
 * What a running magic may use. Valid during {@link Magic#run}; the cell and output routing stay valid after it
 * returns (for threads the magic starts).
 */
public interface MagicContext {
    /** The cell being executed (its request, execution count, whether stdin is allowed). */
    CellContext cell();

    /**
     * The cell output router: {@code output().print(cell(), source, stderr, text)},
     * {@code output().openSource(cell(), childName)} for a child's lines, display ids.
     */
    CellOutput output();

    /**
     * Shows a value (a {@link jproc.kernel.display.MimeBundle}, {@link jproc.kernel.display.Rich} content, an image
     * or any object as text) under the cell.
     *
     * @return its display id
     */
    String display(Object value);

    /** Replaces the display with {@code displayId} (in any cell) with a new value. */
    void updateDisplay(String displayId, Object value);

    /** The current value of a notebook variable; empty if no variable has that name. */
    Optional<Object> variable(String name);

    /** The notebook variables: name to declared type, in declaration order. */
    Map<String, String> variables();

    /**
     * Declares (or redeclares) a notebook variable that later cells can use.
     *
     * @param type the Java type as written in code, or null for the value's public class
     */
    void declare(String name, String type, Object value);

    /**
     * Evaluates Java code in the notebook session (declarations stay).
     *
     * @return the value of a last expression written without a semicolon, else null
     * @throws RuntimeException describing the compile error or exception
     */
    Object eval(String code);

    /** Every registered magic (for listing and help). */
    MagicRegistry magics();

    /**
     * The JShell engine: recorded snippet classes ({@code engine().classes()}), the snippet class loader, completion.
     */
    JShellEngine engine();

    /**
     * The kernel's code provider: the snippet classes and copied variables a child needs for a target
     * ({@code codeProvider().snapshot(target)}); throws {@link jproc.process.NotCopyableException} naming a variable
     * that cannot be copied.
     */
    default CodeProvider codeProvider() {
        return ChildProcesses.codeProvider();
    }

    /**
     * The kernel's compiler of cell bodies into child targets ({@code compiler().compile(childName, body)}), as
     * used by {@code ChildProcess.ofCode}.
     */
    default CellCompiler compiler() {
        return ChildProcesses.cellCompiler();
    }

    /**
     * Adds jars or directories (separated by the platform path separator) to the notebook's classpath and to the
     * classpath of child processes started from now on.
     */
    void addToClasspath(String path);
}
