package jproc.kernel;

import jproc.kernel.engine.EvalResult;
import jproc.kernel.engine.JShellEngine;
import jproc.kernel.magic.MagicContext;
import jproc.kernel.magic.MagicRegistry;
import jproc.kernel.output.CellContext;
import jproc.kernel.output.CellOutput;
import jproc.kernel.process.ProcessSupport;

import java.util.Map;
import java.util.Optional;

/** The {@link MagicContext} of one magic call. */
final class KernelMagicContext implements MagicContext {
    private final Kernel kernel;
    private final CellContext cell;

    KernelMagicContext(Kernel kernel, CellContext cell) {
        this.kernel = kernel;
        this.cell = cell;
    }

    @Override
    public CellContext cell() {
        return cell;
    }

    @Override
    public CellOutput output() {
        return kernel.output();
    }

    @Override
    public String display(Object value) {
        String id = kernel.output().newDisplayId();
        kernel.output().display(cell, kernel.render(value), id);
        return id;
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        kernel.output().updateDisplay(displayId, kernel.render(value));
    }

    @Override
    public Optional<Object> variable(String name) {
        return kernel.engine().value(name);
    }

    @Override
    public Map<String, String> variables() {
        return kernel.engine().variables();
    }

    @Override
    public void declare(String name, String type, Object value) {
        kernel.engine().declare(name, type, value);
    }

    @Override
    public Object eval(String code) {
        EvalResult r = kernel.engine().evalCell(code, cell.executionCount());
        if (r.failed()) {
            throw new IllegalArgumentException(r.error().ename() + ": " + r.error().evalue() + "\n"
                    + String.join("\n", r.error().traceback()));
        }
        return r.hasValue() ? r.value() : null;
    }

    @Override
    public MagicRegistry magics() {
        return kernel.magics();
    }

    @Override
    public JShellEngine engine() {
        return kernel.engine();
    }

    @Override
    public void addToClasspath(String path) {
        kernel.engine().addToClasspath(path);
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                ProcessSupport.addClasspath(entry);
            }
        }
    }
}
