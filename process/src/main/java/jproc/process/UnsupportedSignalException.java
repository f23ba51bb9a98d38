package jproc.process;

/** A signal name that JProc does not send or handle (QUIT, USR2, unknown names). */
public class UnsupportedSignalException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message names the signal, the rule and what to use instead */
    public UnsupportedSignalException(String message) {
        super(message);
    }
}
