package jproc.magics.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestTest {
    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggest.distance("queue", "queue"));
        assertEquals(1, Suggest.distance("prodcer", "producer"));
        assertEquals(2, Suggest.distance("wiat", "wait"));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
    }

    @Test
    void closestNamesComeFirstAndFarOnesAreLeftOut() {
        var known = List.of("producer", "consumer", "produce-2", "main", "queue");
        assertEquals(List.of("producer", "produce-2"), Suggest.closest("prodcer", known));
        assertEquals(List.of("queue"), Suggest.closest("QUEUE", known));
        assertTrue(Suggest.closest("zzzzzz", known).isEmpty());
    }

    @Test
    void unknownNameMessageSuggestsOrListsWhatExists() {
        var e = new UnknownNameException("process", "workr", List.of("worker-1", "worker", "main"));
        assertEquals("no process named 'workr'; did you mean 'worker'?", e.getMessage());
        assertEquals(List.of("worker-1", "worker-2", "worker-3"),
                Suggest.closest("worker", List.of("worker-3", "worker-1", "worker-2", "main")));
        assertEquals("no channel named 'q'; there is none yet",
                new UnknownNameException("channel", "q", List.of()).getMessage());
        assertEquals("no channel named 'xyz'; known: jobs, results",
                new UnknownNameException("channel", "xyz", List.of("results", "jobs")).getMessage());
    }
}
