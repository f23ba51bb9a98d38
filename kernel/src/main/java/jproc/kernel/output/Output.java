package jproc.kernel.output;

import jproc.kernel.display.MimeBundle;

import java.util.List;

/** One message a cell sends to the frontend (Jupyter's iopub messages without the protocol). */
public sealed interface Output {
    /** Text printed on {@code stdout} or {@code stderr}. */
    record Stream(boolean stderr, String text) implements Output {
    }

    /** A new display; {@code displayId} lets later updates replace it in place. */
    record Display(MimeBundle bundle, String displayId) implements Output {
    }

    /** Replaces every display with {@code displayId}, wherever it is. */
    record UpdateDisplay(MimeBundle bundle, String displayId) implements Output {
    }

    /** The value of the cell's last expression. */
    record ExecuteResult(int executionCount, MimeBundle bundle) implements Output {
    }

    /** The cell failed. */
    record Error(String ename, String evalue, List<String> traceback) implements Output {
        public Error {
            traceback = List.copyOf(traceback);
        }
    }

    /** Clears the cell's output ({@code wait}: when the next output arrives). */
    record Clear(boolean waitForNext) implements Output {
    }
}
