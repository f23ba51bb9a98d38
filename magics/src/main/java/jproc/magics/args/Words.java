package jproc.magics.args;

import java.util.ArrayList;
import java.util.List;

/** Splits an argument line into words: spaces separate, single or double quotes group, backslash escapes. */
final class Words {
    private Words() {
    }

    static List<String> split(String line, String usage) {
        var out = new ArrayList<String>();
        var cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new MagicUsageException("unclosed quote " + quote + " in: " + line, usage);
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
