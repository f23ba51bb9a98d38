package jproc.ipc.testing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The child JVMs of one test, killed after it (also when it fails or times out). Use it as
 * {@code @RegisterExtension final ChildJvms children = new ChildJvms();} and start children with {@link #start}.
 */
public final class ChildJvms implements AfterEachCallback {
    private final List<ChildJvm> started = new ArrayList<>();

    /** Starts a child running {@code scenario} in this test's session (see {@link ChildJvm#start}). */
    public ChildJvm start(String scenario, Object... args) {
        var c = ChildJvm.start(scenario, args);
        started.add(c);
        return c;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(ChildJvm::close);
        started.clear();
    }
}
