package jproc.magics.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IpcTableTest {
    @Test
    void processesThenChannelsSortedByKindAndName() {
        var procs = List.of(Traces.running("main", 1), Traces.exited("worker", 2, 0));
        var chans = List.of(ChannelRow.of("queue", "zeta", Map.of("depth", "0")),
                ChannelRow.of("lock", "l", Map.of("owner", "none")), ChannelRow.of("queue", "alpha", Map.of()));
        View v = IpcTable.render(procs, chans, List.of());
        String t = v.text();
        int main = t.indexOf("process  main");
        int worker = t.indexOf("process  worker");
        int lock = t.indexOf("lock     l");
        int alpha = t.indexOf("queue    alpha");
        int zeta = t.indexOf("queue    zeta");
        assertTrue(main > 0 && main < worker && worker < lock && lock < alpha && alpha < zeta, t);
        assertTrue(t.contains("exit 0"), t);
        assertTrue(t.contains("depth=0"), t);
        Xml.parse(v.html());
    }

    @Test
    void emptySessionSaysSo() {
        assertTrue(IpcTable.render(List.of(), List.of(), List.of()).text().contains("No processes or channels"));
    }
}
