package jproc.kernel.jupyter;

import jproc.kernel.output.OutputQueue;
import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The iopub channel: every message goes through the kernel's {@link OutputQueue}, so that status, execute input,
 * outputs and the idle status leave in the order they were produced. Messages of the request threads are sent on
 * the spot when nothing is queued; notebook code only ever queues.
 */
final class OrderedIopub extends IOPubChannel {
    private final OutputQueue queue;

    OrderedIopub(ZMQ.Context context, HMACGenerator hmac, OutputQueue queue) {
        super(context, hmac);
        this.queue = queue;
    }

    @Override
    public void sendMessage(Message<?> message) {
        if (queue.isSenderThread()) {
            super.sendMessage(message);
        } else if (message.getHeader().getType() == MessageType.PUBLISH_EXECUTE_INPUT
                || message.getContent() == PublishStatus.BUSY) {
            // sent by the output thread while the request thread starts the cell
            queue.submit(() -> super.sendMessage(message));
        } else {
            queue.submitOrRun(() -> super.sendMessage(message));
        }
    }

    /** Sends directly (the queue is closed). */
    void sendNow(Message<?> message) {
        super.sendMessage(message);
    }
}
