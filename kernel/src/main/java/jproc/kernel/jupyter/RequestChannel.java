package jproc.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

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
        receive(false);
        if (!control && connection.takeAbort()) {
            ZMQ.Poller poller = context.poller(1);
            poller.register(this, ZMQ.Poller.POLLIN);
            try {
                while (poller.poll(0) > 0 && poller.pollin(0)) {
                    receive(true);
                }
            } finally {
                poller.close();
            }
        }
    }

    /** The content of an {@code execute_reply} for a request that was not run. */
    private static final class Aborted {
        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "aborted";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void receive(boolean abortExecutes) {
        Message<?> message;
        try {
            message = codec.decode(WireCodec.receiveFrames(this));
        } catch (RejectedMessageException e) {
            LOG.warning("rejected a message on the " + channelName() + " channel: " + e.getMessage());
            return;
        }
        if (abortExecutes && message.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            env.setBusyDeferIdle();
            env.reply(new Message(message, MessageType.EXECUTE_REPLY, new Aborted()));
            env.resolveDeferrals();
            return;
        }
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.info("no handler for " + message.getHeader().getType().getName() + " on the " + channelName()
                    + " channel; ignored");
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handling " + message.getHeader().getType().getName() + " failed", e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
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
