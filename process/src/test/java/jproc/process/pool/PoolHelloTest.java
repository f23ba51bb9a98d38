package jproc.process.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A connection to a pool's start-up socket that is not a worker cannot stall the start. */
@Timeout(30)
class PoolHelloTest {
    @TempDir
    Path tmp;
    private int sockets;

    private interface Client {
        void run(SocketChannel c) throws IOException;
    }

    private byte[] hello(Client client) throws IOException {
        Path sock = tmp.resolve("s" + (++sockets));
        try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            try (var c = SocketChannel.open(UnixDomainSocketAddress.of(sock)); var accepted = server.accept()) {
                client.run(c);
                return PoolStartup.readHello(accepted);
            }
        }
    }

    @Test
    void aWholeHelloIsRead() throws IOException {
        byte[] got = hello(c -> c.write(ByteBuffer.allocate(7).putInt(3).put(new byte[] {1, 2, 3}).flip()));
        assertArrayEquals(new byte[] {1, 2, 3}, got);
    }

    @Test
    void aConnectionThatSendsNothingIsDroppedAfterTheTimeout() throws IOException {
        long t0 = System.nanoTime();
        assertNull(hello(c -> { }));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= PoolStartup.HELLO_TIMEOUT_MILLIS - 100 && ms < PoolStartup.HELLO_TIMEOUT_MILLIS + 5_000,
                "dropped after " + ms + " ms");
    }

    @Test
    void anOversizedOrTruncatedHelloIsDroppedAtOnce() throws IOException {
        assertNull(hello(c -> c.write(ByteBuffer.allocate(4).putInt(1 << 30).flip())));
        assertNull(hello(c -> {
            c.write(ByteBuffer.allocate(6).putInt(10).put(new byte[] {1, 2}).flip());
            c.close();
        }));
    }
}
