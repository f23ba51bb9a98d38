package jproc.kernel.output;

import java.util.concurrent.CompletableFuture;

/**
 * What the kernel needs from the notebook protocol; the Jupyter adapter implements it.
 *
 * <p>{@code parent} is the protocol's handle of the request an output belongs to (for Jupyter, the
 * {@code execute_request} whose header becomes the parent header); the kernel never looks inside it.
 */
public interface Frontend {
    /**
     * Sends one message under the request {@code parent}. Called only by the kernel's output thread, in the
     * order the outputs were produced; must not block for long.
     */
    void send(Object parent, Output output);

    /**
     * Asks the user for one line of input ({@code input_request}) on behalf of the request {@code parent}.
     * Never blocks the caller; the future completes with the line (without terminator), or exceptionally if the
     * frontend goes away. Cancelling the future abandons the request.
     */
    CompletableFuture<String> requestInput(Object parent, String prompt, boolean password);
}
