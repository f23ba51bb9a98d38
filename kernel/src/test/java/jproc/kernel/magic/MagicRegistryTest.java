package jproc.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicRegistryTest {
    private static Magic magic(String name, boolean cell) {
        return new Magic() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String usage() {
                return "%" + name + " ARG";
            }

            @Override
            public String help() {
                return "Does " + name + ".\nExample:\n    %" + name + " 1";
            }

            @Override
            public boolean isCell() {
                return cell;
            }

            @Override
            public Object run(MagicContext context, List<String> args, String body) {
                return null;
            }
        };
    }

    private static MagicRegistry registry() {
        return new MagicRegistry().register(magic("lsmagic", false)).register(magic("spawn", true))
                .register(magic("classpath", false)).register(magic("ps", false));
    }

    @Test
    void closestNamesAreSuggestedBestFirst() {
        assertEquals(List.of("%lsmagic"), registry().closest("lsmagik", false, 3));
        assertEquals(List.of("%classpath"), registry().closest("clspath", false, 3));
        assertEquals(List.of("%%spawn"), registry().closest("spwn", true, 3));
        assertEquals(List.of(), registry().closest("zzzzzz", false, 3));
    }

    @Test
    void duplicateNamesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> registry().register(magic("ps", false)));
        assertTrue(e.getMessage().contains("already registered"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> registry().register(magic("9bad", false)));
    }

    @Test
    void helpTextHasUsageFormsAndExample() {
        String help = MagicRegistry.helpText(registry().find("spawn").orElseThrow());
        assertTrue(help.startsWith("Usage: %spawn ARG"), help);
        assertTrue(help.contains("Forms: %spawn, %%spawn"), help);
        assertTrue(help.contains("Example"), help);
    }

    @Test
    void unknownMagicMessageListsSuggestions() {
        var e = new UnknownMagicException("%lsmagik", List.of("%lsmagic"));
        assertTrue(e.getMessage().contains("did you mean %lsmagic?"), e.getMessage());
    }
}
