package jproc.kernel.jupyter;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A training run for a class-data-sharing archive: starts the kernel in this JVM, talks to it over its sockets
 * like a notebook would (kernel_info, a few cells, completion, shutdown), and lets the JVM exit. Run by the
 * installer with {@code -XX:ArchiveClassesAtExit=...}, so that later kernel starts load their classes (the
 * protocol's, JShell's and javac's) from the archive: a faster start and a faster first cell.
 *
 * <pre>java -XX:ArchiveClassesAtExit=jproc.jsa [kernel flags] -cp jproc-kernel.jar jproc.kernel.jupyter.CdsTraining</pre>
 */
public final class CdsTraining {
    private static final long TIMEOUT_MS = 120_000;

    private CdsTraining() {
    }

    /** Entry point; exits with status 0 after the kernel shut down, 1 on failure. */
    public static void main(String[] args) throws Exception {
        int[] ports = freePorts(5);
        String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path file = Files.createTempFile("jproc-training-", ".json");
        Files.writeString(file, "{\"shell_port\":" + ports[0] + ",\"iopub_port\":" + ports[1] + ",\"stdin_port\":"
                + ports[2] + ",\"control_port\":" + ports[3] + ",\"hb_port\":" + ports[4] + ",\"ip\":\"127.0.0.1\","
                + "\"key\":\"" + key + "\",\"transport\":\"tcp\",\"signature_scheme\":\"hmac-sha256\"}");
        Thread kernel = new Thread(() -> {
            try {
                JupyterMain.main(new String[]{file.toString()});
            } catch (Exception e) {
                e.printStackTrace();
                Runtime.getRuntime().halt(1);
            }
        }, "jproc-training-kernel");
        kernel.start();
        var signer = new Signer("hmac-sha256", key);
        try (ZMQ.Context context = ZMQ.context(1)) {
            ZMQ.Socket shell = context.socket(SocketType.DEALER);
            ZMQ.Socket control = context.socket(SocketType.DEALER);
            ZMQ.Socket iopub = context.socket(SocketType.SUB);
            shell.connect("tcp://127.0.0.1:" + ports[0]);
            control.connect("tcp://127.0.0.1:" + ports[3]);
            iopub.connect("tcp://127.0.0.1:" + ports[1]);
            iopub.subscribe(new byte[0]);
            shell.setReceiveTimeOut((int) TIMEOUT_MS);
            control.setReceiveTimeOut((int) TIMEOUT_MS);
            request(shell, signer, "kernel_info_request", "{}");
            for (String code : List.of("int trainingValue = 41;", "trainingValue = trainingValue + 1;",
                    "System.out.println(trainingValue);", "trainingValue + 1", "%lsmagic",
                    "void trainingMethod() { }", "record TrainingPair(int a, int b) { }", "undefinedName + 1",
                    "display(html(\"<b>x</b>\"));")) {
                request(shell, signer, "execute_request", "{\"code\":" + json(code) + ",\"silent\":false,"
                        + "\"store_history\":true,\"user_expressions\":{},\"allow_stdin\":false,"
                        + "\"stop_on_error\":false}");
            }
            request(shell, signer, "complete_request", "{\"code\":\"Strin\",\"cursor_pos\":5}");
            request(shell, signer, "is_complete_request", "{\"code\":\"int a = 1;\"}");
            request(control, signer, "shutdown_request", "{\"restart\":false}");
        }
        kernel.join(TIMEOUT_MS);
        System.exit(1); // not reached when the kernel exits the JVM after shutdown
    }

    private static void request(ZMQ.Socket socket, Signer signer, String type, String content) {
        String id = UUID.randomUUID().toString();
        byte[] header = ("{\"msg_id\":\"" + id + "\",\"username\":\"training\",\"session\":\"training\","
                + "\"date\":\"2026-01-01T00:00:00.000000Z\",\"msg_type\":\"" + type + "\",\"version\":\"5.3\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        socket.sendMore(WireCodec.DELIMITER);
        socket.sendMore(signer.sign(header, empty, empty, body));
        socket.sendMore(header);
        socket.sendMore(empty);
        socket.sendMore(empty);
        socket.send(body);
        while (true) {
            List<byte[]> frames = new ArrayList<>();
            do {
                byte[] f = socket.recv();
                if (f == null) {
                    throw new IllegalStateException("the kernel did not answer " + type + " in time");
                }
                frames.add(f);
            } while (socket.hasReceiveMore());
            for (byte[] f : frames) {
                if (new String(f, StandardCharsets.UTF_8).contains("\"msg_id\":\"" + id + "\"")) {
                    return;
                }
            }
        }
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < n; i++) {
                var s = new ServerSocket(0);
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
        return ports;
    }
}
