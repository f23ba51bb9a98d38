package jproc.kernel.engine;

import org.junit.jupiter.api.Test;

import static jproc.kernel.engine.StatementShape.Kind.CONTROL;
import static jproc.kernel.engine.StatementShape.Kind.EXPRESSION;
import static jproc.kernel.engine.StatementShape.Kind.OTHER;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StatementShapeTest {
    @Test
    void assignmentsCallsAndIncrementsAreExpressions() {
        assertEquals(EXPRESSION, StatementShape.of("x = 1;"));
        assertEquals(EXPRESSION, StatementShape.of("  // comment\n x += 2;"));
        assertEquals(EXPRESSION, StatementShape.of("System.out.println(x);"));
        assertEquals(EXPRESSION, StatementShape.of("arr[0] = 3;"));
        assertEquals(EXPRESSION, StatementShape.of("i++;"));
        assertEquals(EXPRESSION, StatementShape.of("++i;"));
        assertEquals(EXPRESSION, StatementShape.of("new Thread(r).start();"));
        assertEquals(EXPRESSION, StatementShape.of("Collections.<String>emptyList();"));
    }

    @Test
    void controlStatementsAndBlocks() {
        assertEquals(CONTROL, StatementShape.of("for (int i = 0; i < 3; i++) { }"));
        assertEquals(CONTROL, StatementShape.of("while (true) {}"));
        assertEquals(CONTROL, StatementShape.of("{ int local = 1; }"));
        assertEquals(CONTROL, StatementShape.of("try { f(); } catch (Exception e) { }"));
    }

    @Test
    void declarationsAndUnknownShapesAreLeftToJShell() {
        assertEquals(OTHER, StatementShape.of("int y = 5;"));
        assertEquals(OTHER, StatementShape.of("var z = List.of();"));
        assertEquals(OTHER, StatementShape.of("List<String> l = new ArrayList<>();"));
        assertEquals(OTHER, StatementShape.of("java.util.List<String> l = null;"));
        assertEquals(OTHER, StatementShape.of("Foo foo = new Foo();"));
        assertEquals(OTHER, StatementShape.of("int[] a = {1};"));
        assertEquals(OTHER, StatementShape.of("String[] names;"));
        assertEquals(OTHER, StatementShape.of("void m() { }"));
        assertEquals(OTHER, StatementShape.of("class A { }"));
        assertEquals(OTHER, StatementShape.of("import java.util.*;"));
        assertEquals(OTHER, StatementShape.of("x"));
        assertEquals(OTHER, StatementShape.of("a + b"));
        assertEquals(OTHER, StatementShape.of("\"text\".length()"));
        assertEquals(OTHER, StatementShape.of("@Deprecated void m() {}"));
    }
}
