package jproc.kernel;

import jproc.kernel.engine.CellError;
import jproc.kernel.engine.CellInterruptedError;
import jproc.kernel.engine.EvalResult;
import jproc.kernel.engine.JShellEngine;
import jproc.kernel.magic.CellPlan;
import jproc.kernel.magic.Magic;
import jproc.kernel.magic.MagicParser;
import jproc.kernel.magic.MagicRegistry;
import jproc.kernel.magic.MagicUsageError;
import jproc.kernel.magic.UnknownMagicException;
import jproc.kernel.output.CellContext;
import jproc.kernel.output.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs one cell on the cell thread: its code segments through JShell and its magics, in order. */
final class CellRunner {
    private final Kernel kernel;
    private final InterruptGate magicGate = new InterruptGate();
    private volatile boolean inMagic;
    private final Object activity = new Object();
    private boolean active;

    CellRunner(Kernel kernel) {
        this.kernel = kernel;
    }

    ExecuteOutcome run(CellContext cell, String code) {
        kernel.output().begin(cell);
        Set<Thread> before = Kernel.threads();
        ExecuteOutcome outcome;
        synchronized (activity) {
            active = true;
        }
        try {
            outcome = runPlan(cell, code);
        } catch (RuntimeException | Error e) {
            outcome = fail(cell, failure(e, "InternalError"));
        } finally {
            System.out.flush();
            System.err.flush();
            synchronized (activity) {
                // no interrupt can start after this point, so the one cleared below is the last one
                active = false;
            }
            inMagic = false;
            JShellEngine e = engineIfReady();
            if (e != null) {
                e.endInterrupt();
            } else {
                Thread.interrupted();
            }
        }
        kernel.output().finish(cell, LiveThreads.startedSince(before));
        return outcome;
    }

    private JShellEngine engineIfReady() {
        return kernel.engineIfReady();
    }

    private ExecuteOutcome runPlan(CellContext cell, String code) {
        CellPlan plan;
        try {
            plan = MagicParser.parse(code);
        } catch (MagicUsageError e) {
            return fail(cell, new CellError("MagicUsageError", e.getMessage(), List.of(e.getMessage())));
        }
        List<CellPlan.Segment> segments = plan.segments();
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            CellPlan.Segment seg = segments.get(i);
            if (seg instanceof CellPlan.Code c) {
                EvalResult r = kernel.engine().evalCell(c.text(), cell.executionCount());
                if (r.failed()) {
                    return fail(cell, r.error());
                }
                if (last && r.hasValue() && !(r.value() instanceof jproc.kernel.display.DisplayId)) {
                    kernel.send(cell, new Output.ExecuteResult(cell.executionCount(), kernel.render(r.value())));
                }
            } else if (seg instanceof CellPlan.MagicCall m) {
                ExecuteOutcome o = runMagic(cell, m, last);
                if (!o.ok()) {
                    return o;
                }
            }
        }
        return ExecuteOutcome.OK;
    }

    private ExecuteOutcome runMagic(CellContext cell, CellPlan.MagicCall call, boolean last) {
        MagicRegistry registry = kernel.magics();
        Magic magic = registry.find(call.name())
                .filter(m -> call.cell() ? m.isCell() : m.isLine())
                .orElse(null);
        if (magic == null && call.cell() && registry.find(call.name()).isPresent() && call.help()) {
            magic = registry.find(call.name()).get();
        }
        if (magic == null) {
            String shown = (call.cell() ? "%%" : "%") + call.name();
            var e = new UnknownMagicException(shown, registry.closest(call.name(), call.cell(), 3));
            return fail(cell, new CellError("UnknownMagicError", e.getMessage(), List.of(e.getMessage())));
        }
        if (call.help()) {
            kernel.output().print(cell, null, false, MagicRegistry.helpText(magic));
            return ExecuteOutcome.OK;
        }
        inMagic = true;
        magicGate.enter();
        try {
            // magics use what the session's start installs (the cell compiler of %%spawn, the code provider): a
            // magic in the very first cell waits for it like code does
            kernel.engine();
            Object value = magic.run(new KernelMagicContext(kernel, cell), call.args(), call.body());
            if (last && value != null) {
                kernel.send(cell, new Output.ExecuteResult(cell.executionCount(), kernel.render(value)));
            }
            return ExecuteOutcome.OK;
        } catch (MagicUsageError e) {
            var lines = List.of("MagicUsageError: " + e.getMessage(), "Usage: " + magic.usage(),
                    "(%" + magic.name() + "? shows help)");
            return fail(cell, new CellError("MagicUsageError", e.getMessage(), lines));
        } catch (InterruptedException | CellInterruptedError e) {
            return fail(cell, failure(new CellInterruptedError(), "CellInterruptedError"));
        } catch (Exception | Error e) {
            if (Thread.currentThread().isInterrupted()) {
                return fail(cell, failure(new CellInterruptedError(), "CellInterruptedError"));
            }
            return fail(cell, failure(e, null));
        } finally {
            magicGate.leave();
            inMagic = false;
        }
    }

    /** A report of an exception thrown by kernel or magic code: type, message, causes. */
    static CellError failure(Throwable e, String ename) {
        var lines = new ArrayList<String>();
        String name = ename != null ? ename : e.getClass().getSimpleName();
        lines.add(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            lines.add("Caused by: " + c.getClass().getName() + (c.getMessage() == null ? "" : ": " + c.getMessage()));
        }
        return new CellError(name, e.getMessage() == null ? "" : e.getMessage(), lines);
    }

    private ExecuteOutcome fail(CellContext cell, CellError error) {
        kernel.send(cell, new Output.Error(error.ename(), error.evalue(), error.traceback()));
        return new ExecuteOutcome(error);
    }

    void interrupt(Thread cellThread) {
        synchronized (activity) {
            if (!active) {
                return;
            }
            if (inMagic && magicGate.interrupt()) {
                return;
            }
            JShellEngine e = engineIfReady();
            if (e != null) {
                e.interrupt(cellThread);
            }
        }
    }
}
