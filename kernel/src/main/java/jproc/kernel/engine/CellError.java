package jproc.kernel.engine;

import java.util.List;

/**
 * Why a cell failed, in the shape of a Jupyter error: a name ({@code ename}), a message ({@code evalue}) and the
 * lines of the report ({@code traceback}).
 *
 * @param ename     the error type, e.g. {@code CompileError}, {@code ArithmeticException}
 * @param evalue    the message
 * @param traceback the report, one line per element
 */
public record CellError(String ename, String evalue, List<String> traceback) {
    public CellError {
        traceback = List.copyOf(traceback);
    }

    /** An error with a one-line report. */
    public static CellError of(String ename, String evalue) {
        return new CellError(ename, evalue, List.of(ename + ": " + evalue));
    }
}
