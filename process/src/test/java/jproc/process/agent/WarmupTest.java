package jproc.process.agent;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WarmupTest {
    @Test
    @Timeout(60)
    void aSpareWarmsUpEveryPathToItsEnd() {
        Warmup.run();
        Throwable t = Warmup.failure();
        assertNull(t, () -> "warm-up stopped early (the spare's first spawn then pays for it): " + t);
    }
}
