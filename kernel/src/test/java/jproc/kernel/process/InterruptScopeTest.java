package jproc.kernel.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InterruptScopeTest {
    @Test
    void modeWordsParseIgnoringCase() {
        assertEquals(InterruptScope.CELL, InterruptScope.parse("cell"));
        assertEquals(InterruptScope.ALL, InterruptScope.parse(" ALL "));
        assertEquals(InterruptScope.NONE, InterruptScope.parse("None"));
    }

    @Test
    void anUnknownModeNamesItAndTheAcceptedOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> InterruptScope.parse("children"));
        assertTrue(e.getMessage().contains("'children'") && e.getMessage().contains("cell")
                && e.getMessage().contains("all") && e.getMessage().contains("none"), e.getMessage());
    }

    @Test
    void theDefaultIsTheInterruptedCellsChildren() {
        String saved = System.getProperty(InterruptScope.PROPERTY);
        try {
            System.clearProperty(InterruptScope.PROPERTY);
            assertEquals(InterruptScope.CELL, InterruptScope.fromSystemProperty());
            System.setProperty(InterruptScope.PROPERTY, "none");
            assertEquals(InterruptScope.NONE, InterruptScope.fromSystemProperty());
        } finally {
            if (saved == null) {
                System.clearProperty(InterruptScope.PROPERTY);
            } else {
                System.setProperty(InterruptScope.PROPERTY, saved);
            }
        }
    }
}
