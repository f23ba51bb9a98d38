package jproc.magics.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jproc.ipc.session.Session;
import jproc.magics.view.ChannelRow;
import jproc.magics.view.LockHolding;
import jproc.magics.view.Markup;

/**
 * The fallback channel source: every channel file of the session ({@code jproc-<session>-<kind>-<name>}),
 * with its size, and no owners.
 */
public final class SessionFiles implements ChannelSource {
    static final Set<String> KINDS = Set.of("queue", "pipe", "value", "array", "lock", "rlock", "semaphore",
            "event", "condition", "barrier");

    private final Session session;

    /** Reads the files of {@code session}. */
    public SessionFiles(Session session) {
        this.session = session;
    }

    @Override
    public List<ChannelRow> channels() {
        var out = new ArrayList<ChannelRow>();
        String prefix = session.filePrefix();
        try (Stream<Path> files = Files.list(session.directory())) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(prefix)).sorted().forEach(f -> {
                String rest = f.substring(prefix.length());
                int dash = rest.indexOf('-');
                if (dash > 0 && KINDS.contains(rest.substring(0, dash))) {
                    long size = size(session.directory().resolve(f));
                    out.add(ChannelRow.of(rest.substring(0, dash), rest.substring(dash + 1),
                            Map.of("file", Markup.bytes(size))));
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public List<LockHolding> holdings() {
        return List.of();
    }
}
