package jproc.kernel.jupyter;

import jproc.kernel.display.MimeBundle;
import jproc.kernel.output.Frontend;
import jproc.kernel.output.Output;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The kernel's {@link Frontend} over a Jupyter connection: outputs become iopub messages, input uses stdin. */
final class JupyterFrontend implements Frontend {
    private final KernelConnection connection;
    private final ExecutorService stdinThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jproc-stdin");
        t.setDaemon(true);
        return t;
    });

    JupyterFrontend(KernelConnection connection) {
        this.connection = connection;
    }

    @Override
    public void send(Object parent, Output output) {
        ContentType<?> content;
        if (output instanceof Output.Stream s) {
            content = new PublishStream(s.stderr() ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT,
                    s.text());
        } else if (output instanceof Output.Display d) {
            content = new PublishDisplayData(displayData(d.bundle(), d.displayId()));
        } else if (output instanceof Output.UpdateDisplay u) {
            content = new PublishUpdateDisplayData(displayData(u.bundle(), u.displayId()));
        } else if (output instanceof Output.ExecuteResult r) {
            content = new PublishExecuteResult(r.executionCount(), displayData(r.bundle(), null));
        } else if (output instanceof Output.Error e) {
            content = new PublishError(e.ename(), e.evalue(), e.traceback());
        } else {
            content = ((Output.Clear) output).waitForNext() ? PublishClearOutput.BEFORE_NEXT_OUTPUT
                    : PublishClearOutput.NOW;
        }
        publish((MessageContext) parent, content);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void publish(MessageContext parent, ContentType<?> content) {
        connection.getIOPub().sendMessage(new Message(parent, content.getType(), content));
    }

    static DisplayData displayData(MimeBundle bundle, String displayId) {
        var d = new DisplayData();
        for (Map.Entry<String, Object> e : bundle.data().entrySet()) {
            d.putData(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : bundle.metadata().entrySet()) {
            d.putMetaData(e.getKey(), e.getValue());
        }
        if (displayId != null) {
            d.setDisplayId(displayId);
        }
        return d;
    }

    @Override
    public CompletableFuture<String> requestInput(Object parent, String prompt, boolean password) {
        var result = new CompletableFuture<String>();
        stdinThread.submit(() -> {
            try {
                result.complete(connection.input().ask((MessageContext) parent, prompt, password, result::isDone));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    void close() {
        stdinThread.shutdownNow();
    }
}
