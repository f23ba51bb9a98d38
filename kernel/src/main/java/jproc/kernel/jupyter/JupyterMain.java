package jproc.kernel.jupyter;

import jproc.kernel.Kernel;
import jproc.kernel.output.OutputQueue;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the kernel: {@code java -jar jproc-kernel.jar CONNECTION_FILE} (Jupyter passes the connection file).
 * Binds the sockets and answers {@code kernel_info} first; the JShell session starts in the background.
 */
public final class JupyterMain {
    private JupyterMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length != 1) {
            System.err.println("usage: java -jar jproc-kernel.jar CONNECTION_FILE");
            System.exit(2);
        }
        KernelLogging.init(System.err);
        var props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        var queue = new OutputQueue();
        var connection = new KernelConnection(props, queue);
        var frontend = new JupyterFrontend(connection);
        var kernel = new CompletableFuture<Kernel>();
        var jupyter = new JupyterKernel(kernel::join);
        jupyter.becomeHandlerForConnection(connection);
        connection.connect();
        // after the sockets are bound, so that kernel_info is answered while the session starts
        kernel.complete(new Kernel(frontend, queue, Kernel.defaultStartup()));
        ProtocolWarmup.start(props);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> kernel.join().shutdown(false), "jproc-shutdown"));
        connection.waitUntilClose();
        kernel.join().shutdown(false);
        frontend.close();
        System.exit(0);
    }
}
