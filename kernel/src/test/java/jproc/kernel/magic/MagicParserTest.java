package jproc.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicParserTest {
    @Test
    void cellMagicTakesTheRestOfTheCellAsBody() {
        CellPlan plan = MagicParser.parse("%%spawn producer --daemon\nfor (int i = 0; i < 3; i++)\n  q.put(i);");
        assertEquals(1, plan.segments().size());
        var call = (CellPlan.MagicCall) plan.segments().get(0);
        assertEquals("spawn", call.name());
        assertTrue(call.cell());
        assertEquals(List.of("producer", "--daemon"), call.args());
        assertEquals("for (int i = 0; i < 3; i++)\n  q.put(i);", call.body());
    }

    @Test
    void cellMagicWithoutBodyHasAnEmptyBody() {
        var call = (CellPlan.MagicCall) MagicParser.parse("%%spawn w").segments().get(0);
        assertEquals("", call.body());
    }

    @Test
    void lineMagicsSplitCodeAndKeepLineNumbers() {
        CellPlan plan = MagicParser.parse("int a = 1;\n%classpath lib/x.jar\nint b = a % 2;\n");
        assertEquals(3, plan.segments().size());
        assertEquals("int a = 1;\n", ((CellPlan.Code) plan.segments().get(0)).text());
        var magic = (CellPlan.MagicCall) plan.segments().get(1);
        assertEquals("classpath", magic.name());
        assertFalse(magic.cell());
        assertNull(magic.body());
        assertEquals(2, magic.line());
        String code = ((CellPlan.Code) plan.segments().get(2)).text();
        assertEquals("\n\nint b = a % 2;\n", code, "the code keeps its line in the cell");
    }

    @Test
    void questionMarkAsksForHelp() {
        var call = (CellPlan.MagicCall) MagicParser.parse("%classpath?").segments().get(0);
        assertTrue(call.help());
        assertEquals("classpath", call.name());
        var cell = (CellPlan.MagicCall) MagicParser.parse("%%spawn?").segments().get(0);
        assertTrue(cell.help() && cell.cell());
    }

    @Test
    void remainderOperatorIsCode() {
        CellPlan plan = MagicParser.parse("int r = 7\n    % 3;");
        assertEquals(1, plan.segments().size());
        assertTrue(plan.segments().get(0) instanceof CellPlan.Code);
    }

    @Test
    void percentLinesInsideTextBlocksAreCode() {
        CellPlan plan = MagicParser.parse("String s = \"\"\"\n%notamagic\n\"\"\";");
        assertEquals(1, plan.segments().size());
    }

    @Test
    void argumentsSplitLikeAShell() {
        assertEquals(List.of("a b", "c", "it's", "x\"y", "z w"),
                MagicParser.split("\"a b\" c \"it's\" 'x\"y' z\\ w"));
        assertEquals(List.of(), MagicParser.split("   "));
    }

    @Test
    void unclosedQuoteIsAUsageError() {
        var e = assertThrows(MagicUsageError.class, () -> MagicParser.split("\"open"));
        assertTrue(e.getMessage().contains("unclosed double quote"), e.getMessage());
    }
}
