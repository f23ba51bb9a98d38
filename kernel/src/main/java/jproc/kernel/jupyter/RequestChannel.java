package jproc.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shell or control channel: a ROUTER socket served by its own {@link SocketLoop}. Each message is verified by
 * {@link WireCodec} (rejected ones are logged and dropped) and handed to the handler JJava's kernel registered.
 */
final class RequestChannel extends ShellChannel {
    private static final Logger LOG = Logger.getLogger(RequestChannel.class.getName());

    private final ZMQ.Context context;
    private final KernelConnection connection;
    private final WireCodec codec;
    private final boolean control;
    private SocketLoop loop;

    RequestChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, KernelConnection connection,
                   WireCodec codec) {
        super(context, hmac, control, connection, 0);
        this.context = context;
        this.connection = connection;
        this.codec = codec;
        this.control = control;
    }

    private String channelName() {
        return control ? "control" : "shell";
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        int port = control ? props.getControlPort() : props.getShellPort();
        bind(props.getTransport() + "://" + props.getIp() + ":" + port);
        loop = new SocketLoop("jproc-" + channelName(), context, this, this::serve, this::closeSocket);
        loop.start();
    }

    private void closeSocket() {
        super.close();
    }

    private void serve() {
        Message<?> message = read();
        if (message != null) {
            handle(message);
        }
    }

    private Message<?> read() {
        try {
            return codec.decode(WireCodec.receiveFrames(this));
        } catch (RejectedMessageException e) {
            LOG.warning("rejected a message on the " + channelName() + " channel: " + e.getMessage());
            return null;
        }
    }

    /**
     * The messages already waiting on the socket, read at once. Called when a cell failed with
     * {@code stop_on_error}, before its reply leaves: execute requests sent before the client saw the failure are
     * answered {@code aborted}; requests sent after it are not touched.
     */
    private List<Message<?>> drainWaiting() {
        var waiting = new ArrayList<Message<?>>();
        ZMQ.Poller poller = context.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (poller.poll(0) > 0 && poller.pollin(0)) {
                Message<?> m = read();
                if (m != null) {
                    waiting.add(m);
                }
            }
        } finally {
            poller.close();
        }
        return waiting;
    }

    /** The content of an {@code execute_reply} for a request that was not run. */
    private static final class Aborted {
        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "aborted";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message<?> message) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.info("no handler for " + message.getHeader().getType().getName() + " on the " + channelName()
                    + " channel; ignored");
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        List<Message<?>> waiting = List.of();
        try {
            handler.handle(env, message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handling " + message.getHeader().getType().getName() + " failed", e);
        } finally {
            if (!control && connection.takeAbort()) {
                waiting = drainWaiting();
            }
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
            return;
        }
        for (Message<?> m : waiting) {
            if (m.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
                ShellReplyEnvironment aborted = connection.prepareReplyEnv(this, m);
                aborted.setBusyDeferIdle();
                aborted.reply(new Message(m, MessageType.EXECUTE_REPLY, new Aborted()));
                aborted.resolveDeferrals();
            } else {
                handle(m);
            }
        }
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.stop();
        } else {
            super.close();
        }
    }

    @Override
    public void waitUntilClose() {
        if (loop != null) {
            loop.join(2000);
        }
    }
}
