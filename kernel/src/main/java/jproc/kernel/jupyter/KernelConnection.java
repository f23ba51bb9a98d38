package jproc.kernel.jupyter;

import jproc.kernel.output.OutputQueue;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.security.GeneralSecurityException;
import java.util.concurrent.CountDownLatch;

/**
 * JJava's connection with this adapter's channels (see the package description). {@link #close()} may be called
 * from any thread, including a channel's own; {@link #waitUntilClose()} then releases every socket.
 */
final class KernelConnection extends JupyterConnection {
    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final OutputQueue queue;
    private final Heartbeat heartbeatChannel;
    private final RequestChannel shellChannel;
    private final RequestChannel controlChannel;
    private final InputChannel inputChannel;
    private final OrderedIopub iopubChannel;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean abortQueued = new java.util.concurrent.atomic.AtomicBoolean();

    KernelConnection(KernelConnectionProperties props, OutputQueue queue) throws GeneralSecurityException {
        super(props);
        this.props = props;
        this.queue = queue;
        HMACGenerator hmac = props.createHMACGenerator();
        var codec = new WireCodec(new Signer(props.getSignatureScheme(), props.getKey()));
        heartbeatChannel = new Heartbeat(context, hmac);
        shellChannel = new RequestChannel(context, hmac, false, this, codec);
        controlChannel = new RequestChannel(context, hmac, true, this, codec);
        inputChannel = new InputChannel(context, hmac, codec);
        iopubChannel = new OrderedIopub(context, hmac, queue);
    }

    @Override
    public void connect() {
        iopubChannel.bind(props);
        inputChannel.bind(props);
        heartbeatChannel.bind(props);
        controlChannel.bind(props);
        shellChannel.bind(props);
        iopubChannel.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public IOPubChannel getIOPub() {
        return iopubChannel;
    }

    /**
     * A cell failed with {@code stop_on_error}: the execute requests already waiting on the shell channel are
     * answered {@code aborted} instead of run (what a notebook's "run all" expects).
     */
    void abortQueuedExecutes() {
        abortQueued.set(true);
    }

    /** True once per {@link #abortQueuedExecutes()}. */
    boolean takeAbort() {
        return abortQueued.getAndSet(false);
    }

    InputChannel input() {
        return inputChannel;
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
        return new ReplyEnv(shell, inputChannel, iopubChannel, context);
    }

    /** Stops serving requests; returns at once. */
    @Override
    public void close() {
        shellChannel.close();
        controlChannel.close();
        heartbeatChannel.close();
        closed.countDown();
    }

    /** Waits for {@link #close()}, sends what is queued, then releases every socket and the ZMQ context. */
    @Override
    public void waitUntilClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
        heartbeatChannel.waitUntilClose();
        queue.close();
        inputChannel.close();
        iopubChannel.close();
        context.close();
        super.close();
    }
}
