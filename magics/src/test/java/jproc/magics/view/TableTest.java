package jproc.magics.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void textColumnsAreAligned() {
        var t = new Table(List.of("name", "pid")).row(List.of("producer", "12")).row(List.of("c", "1234"));
        assertEquals("name      pid\n--------  ----\nproducer  12\nc         1234\n", t.text());
    }

    @Test
    void htmlCellsAreEscapedAndRowClassesKept() {
        String h = new Table(List.of("a")).row(List.of("<b>"), "warn").html();
        assertTrue(h.contains("&lt;b&gt;"), h);
        assertTrue(h.contains("class=\"warn\""), h);
        Xml.parse(h);
    }

    @Test
    void aRowWiderThanTheHeaderIsRefused() {
        var t = new Table(List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> t.row(List.of("1", "2")));
    }
}
