package jproc.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.HeartbeatChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

/** The heartbeat: echoes every ping at once (JJava's channel polls every 500 ms). */
final class Heartbeat extends HeartbeatChannel {
    private final ZMQ.Context context;
    private SocketLoop loop;

    Heartbeat(ZMQ.Context context, HMACGenerator hmac) {
        super(context, hmac, 0);
        this.context = context;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        bind(props.getTransport() + "://" + props.getIp() + ":" + props.getHbPort());
        loop = new SocketLoop("jproc-heartbeat", context, this, () -> {
            byte[] ping = recv();
            if (ping != null) {
                send(ping);
            }
        }, this::closeSocket);
        loop.start();
    }

    private void closeSocket() {
        super.close();
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
