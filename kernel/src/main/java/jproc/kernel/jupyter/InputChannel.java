package jproc.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The stdin channel: sends {@code input_request} and waits for the {@code input_reply}, polling so that the wait
 * can be abandoned (cell interrupted). Used only by the adapter's stdin thread.
 */
final class InputChannel extends StdinChannel {
    private static final Logger LOG = Logger.getLogger(InputChannel.class.getName());

    private final ZMQ.Context context;
    private final WireCodec codec;

    InputChannel(ZMQ.Context context, HMACGenerator hmac, WireCodec codec) {
        super(context, hmac);
        this.context = context;
        this.codec = codec;
    }

    /**
     * Asks for one line and waits for it.
     *
     * @throws CancellationException if {@code abandoned} turns true first
     */
    String ask(MessageContext parent, String prompt, boolean password, BooleanSupplier abandoned) {
        ZMQ.Poller poller = context.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (poller.poll(0) > 0 && poller.pollin(0)) {
                WireCodec.receiveFrames(this); // a late reply to an abandoned request
            }
            sendMessage(new Message<>(parent, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, password)));
            while (!abandoned.getAsBoolean()) {
                if (poller.poll(100) <= 0 || !poller.pollin(0)) {
                    continue;
                }
                Message<?> reply;
                try {
                    reply = codec.decode(WireCodec.receiveFrames(this));
                } catch (RejectedMessageException e) {
                    LOG.warning("rejected a message on the stdin channel: " + e.getMessage());
                    continue;
                }
                if (reply.getHeader().getType() == MessageType.INPUT_REPLY) {
                    return ((InputReply) reply.getContent()).getValue();
                }
                LOG.warning("unexpected " + reply.getHeader().getType().getName() + " on the stdin channel; ignored");
            }
            throw new CancellationException("input request abandoned");
        } finally {
            poller.close();
        }
    }
}
