package jproc.magics.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkupTest {
    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertEquals("850 ms", Markup.duration(850));
        assertEquals("12.3 s", Markup.duration(12_300));
        assertEquals("3 min 05 s", Markup.duration(185_000));
        assertEquals("2 h 07 min", Markup.duration(2 * 3600_000 + 7 * 60_000));
        assertEquals("-", Markup.duration(-1));
    }

    @Test
    void byteCountsUseBinaryUnits() {
        assertEquals("512 B", Markup.bytes(512));
        assertEquals("36.0 MB", Markup.bytes(36L << 20));
        assertEquals("-", Markup.bytes(-1));
    }

    @Test
    void escapingCoversMarkupAndControlCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;?", Markup.escape("<a href=\"x\">&'\u0001"));
    }

    @Test
    void shortenEndsWithAnEllipsis() {
        assertEquals("abcd…", Markup.shorten("abcdefgh", 5));
        assertEquals("abc", Markup.shorten("abc", 5));
    }
}
