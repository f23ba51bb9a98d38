package jproc.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the message path in the background after start-up (decoding signed requests, encoding and sending
 * replies to an in-process socket nobody reads) so that the just-in-time compiler has compiled it before the
 * first cells: the user's round trips do not pay for cold JSON, HMAC and socket code.
 */
final class ProtocolWarmup {
    private static final Logger LOG = Logger.getLogger(ProtocolWarmup.class.getName());
    private static final int ROUNDS = 1500;
    private static final long BUDGET_NANOS = 1_500_000_000L;

    private ProtocolWarmup() {
    }

    static void start(KernelConnectionProperties props) {
        Thread t = new Thread(() -> run(props), "jproc-protocol-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run(KernelConnectionProperties props) {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        try (ZMQ.Context context = ZMQ.context(1)) {
            HMACGenerator hmac = props.createHMACGenerator();
            var signer = new Signer(props.getSignatureScheme(), props.getKey());
            var codec = new WireCodec(signer);
            var sink = new IOPubChannel(context, hmac);
            sink.bind("inproc://jproc-warmup-" + ProcessHandle.current().pid());
            try {
                for (int i = 0; i < ROUNDS && System.nanoTime() < deadline; i++) {
                    Message<?> request = codec.decode(frames(signer, i));
                    sink.sendMessage(new Message<>(request, PublishStatus.MESSAGE_TYPE, PublishStatus.BUSY));
                    sink.sendMessage(new Message<>(request, PublishStream.MESSAGE_TYPE,
                            new PublishStream(PublishStream.StreamType.OUT, "warm " + i + "\n")));
                    sink.sendMessage(new Message<>(request, PublishStatus.MESSAGE_TYPE, PublishStatus.IDLE));
                }
            } finally {
                sink.close();
            }
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "protocol warm-up stopped", e);
        }
    }

    private static List<byte[]> frames(Signer signer, int i) {
        byte[] header = ("{\"msg_id\":\"w" + i + "\",\"username\":\"warmup\",\"session\":\"s\",\"date\":"
                + "\"2026-01-01T00:00:00.000000Z\",\"msg_type\":\"execute_request\",\"version\":\"5.3\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] parent = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] meta = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] content = ("{\"code\":\"x = " + i + ";\",\"silent\":false,\"store_history\":true,"
                + "\"user_expressions\":{},\"allow_stdin\":true,\"stop_on_error\":true}").getBytes(StandardCharsets.UTF_8);
        var frames = new ArrayList<byte[]>();
        frames.add(("id" + i).getBytes(StandardCharsets.UTF_8));
        frames.add(WireCodec.DELIMITER);
        frames.add(signer.sign(header, parent, meta, content));
        frames.addAll(List.of(header, parent, meta, content));
        return frames;
    }
}
