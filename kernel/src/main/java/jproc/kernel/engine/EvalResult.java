package jproc.kernel.engine;

/**
 * The outcome of evaluating a piece of code in the JShell session.
 *
 * @param hasValue  true if the code ended with an expression whose value should be shown
 * @param value     that value (may be null)
 * @param valueText JShell's text form of the value
 * @param error     why the code failed, or null if it succeeded
 */
public record EvalResult(boolean hasValue, Object value, String valueText, CellError error) {
    /** Success without a value to show. */
    public static final EvalResult NONE = new EvalResult(false, null, null, null);

    /** A failure. */
    public static EvalResult failed(CellError error) {
        return new EvalResult(false, null, null, error);
    }

    /** True if the code failed. */
    public boolean failed() {
        return error != null;
    }
}
