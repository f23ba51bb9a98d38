package jproc.kernel.output;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A frontend for tests: keeps every output with its request, answers input requests with a fixed line. */
public final class RecordingFrontend implements Frontend {
    /** One output and the request it was sent under. */
    public record Sent(Object parent, Output output) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final String answer;

    /** @param answer the line every input request gets, or null to fail them */
    public RecordingFrontend(String answer) {
        this.answer = answer;
    }

    @Override
    public void send(Object parent, Output out) {
        synchronized (sent) {
            sent.add(new Sent(parent, out));
        }
    }

    @Override
    public CompletableFuture<String> requestInput(Object parent, String prompt, boolean password) {
        return answer != null ? CompletableFuture.completedFuture(answer)
                : CompletableFuture.failedFuture(new IllegalStateException("no input in this test"));
    }

    /** Everything sent so far, in order. */
    public List<Sent> sent() {
        synchronized (sent) {
            return new ArrayList<>(sent);
        }
    }
}
