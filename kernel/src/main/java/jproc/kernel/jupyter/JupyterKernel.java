package jproc.kernel.jupyter;

import jproc.kernel.ExecuteOutcome;
import jproc.kernel.Kernel;
import jproc.kernel.engine.CodeCompletion;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JJava's {@link BaseKernel} delegating to the protocol-neutral {@link Kernel}. JJava answers
 * {@code kernel_info}, {@code shutdown}, {@code interrupt}, comm and the request/reply framing; cells, completion,
 * inspection and is-complete go to the kernel.
 */
final class JupyterKernel extends BaseKernel {
    static final String NAME = "JProc";
    static final String VERSION = "0.1.0";

    private final Supplier<Kernel> kernel;
    private KernelConnection connection;

    JupyterKernel(Supplier<Kernel> kernel) {
        super(NAME, VERSION, languageInfo(), List.of(new HelpLink("Java API",
                        "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/")),
                null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, null, false,
                new StringStyler.Builder().build());
        this.kernel = kernel;
    }

    static LanguageInfo languageInfo() {
        return new LanguageInfo("java", System.getProperty("java.version"), "text/x-java-source", ".jshell", "java",
                "text/x-java", "script");
    }

    @Override
    public String getBanner() {
        return NAME + " " + VERSION + " - Java " + System.getProperty("java.version") + " (JShell) with child JVM"
                + " processes, queues, pipes and locks. %lsmagic lists the magics; %help NAME explains one.";
    }

    @Override
    protected void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        env.setBusyDeferIdle();
        boolean store = request.shouldStoreHistory() && !request.isSilent();
        int count = store ? executionCount.getAndIncrement() : executionCount.get();
        if (!request.isSilent()) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        String code = request.getCode() == null ? "" : request.getCode();
        ExecuteOutcome outcome = kernel.get().execute(message, code, count, request.isStdinEnabled());
        if (outcome.ok()) {
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } else {
            if (request.shouldStopOnError() && connection != null) {
                connection.abortQueuedExecutes();
            }
            var error = new ErrorReply(outcome.error().ename(), outcome.error().evalue(), outcome.error().traceback());
            error.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
        }
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        if (connection instanceof KernelConnection k) {
            this.connection = k;
        }
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new HistoryReply(List.of()));
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(),
                getHelpLinks()));
    }

    @Override
    public Object evalRaw(String source) {
        throw new UnsupportedOperationException("cells are run by handleExecuteRequest");
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return kernel.get().inspect(code, at).map(DisplayData::new).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CodeCompletion.Candidates c = kernel.get().complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        return kernel.get().isComplete(code);
    }

    @Override
    public void interrupt() {
        kernel.get().interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        kernel.get().shutdown(isRestarting);
        super.onShutdown(isRestarting);
    }
}
