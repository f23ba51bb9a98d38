package jproc.magics.args;

import java.util.List;

import jproc.kernel.magic.MagicParser;
import jproc.kernel.magic.MagicUsageError;

/**
 * Splits an argument line into words with the kernel's shell-like rules ({@link MagicParser#split}), reporting an
 * unclosed quote with the magic's usage line.
 */
final class Words {
    private Words() {
    }

    static List<String> split(String line, String usage) {
        try {
            return MagicParser.split(line);
        } catch (MagicUsageError e) {
            throw new MagicUsageException(e.getMessage(), usage);
        }
    }
}
