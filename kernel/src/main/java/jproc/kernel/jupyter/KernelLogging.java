package jproc.kernel.jupyter;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The kernel's log: one line per record on the process's original stderr (the Jupyter server's console). The
 * level comes from the environment variable {@code JPROC_LOG} (default {@code INFO}).
 */
final class KernelLogging {
    private KernelLogging() {
    }

    /** Installs the handler; call before {@code System.err} is replaced. */
    static void init(PrintStream err) {
        Level level;
        try {
            level = Level.parse(System.getenv().getOrDefault("JPROC_LOG", "INFO"));
        } catch (IllegalArgumentException e) {
            level = Level.INFO;
        }
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Formatter formatter = new Formatter() {
            @Override
            public String format(LogRecord r) {
                String msg = "[JProc " + r.getLevel().getName() + " " + r.getLoggerName() + "] " + formatMessage(r)
                        + System.lineSeparator();
                if (r.getThrown() != null) {
                    var sw = new java.io.StringWriter();
                    r.getThrown().printStackTrace(new java.io.PrintWriter(sw));
                    msg += sw;
                }
                return msg;
            }
        };
        Handler handler = new StreamHandler(err, formatter) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }

            @Override
            public synchronized void close() {
                flush(); // never close the process's stderr
            }
        };
        handler.setLevel(level);
        root.addHandler(handler);
        root.setLevel(level);
        Logger.getLogger("org.dflib").setLevel(level.intValue() < Level.INFO.intValue() ? level : Level.WARNING);
    }
}
