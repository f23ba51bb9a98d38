package jproc.it.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an executed notebook printed, cell by cell, read from the transcript that
 * {@code it/src/test/python/notebooks/run_notebooks.py} writes (one {@code #### cell <id> <type> <ms>} header per
 * cell, then {@code ---- <kind>} sections for its outputs).
 */
final class Transcript {
    private static final Pattern CELL = Pattern.compile("^#### cell (\\S+) (\\S+) (\\d+)$");

    /** One cell: its id, how long it ran, its output sections in order as (kind, text) pairs. */
    record Cell(String id, String type, long millis, List<Map.Entry<String, String>> sections) {
        /** All output text of the cell (streams, results, displays, errors), in order. */
        String text() {
            var sb = new StringBuilder();
            for (var s : sections) {
                sb.append(s.getValue()).append('\n');
            }
            return sb.toString();
        }

        /** The text of the sections whose kind starts with {@code kindPrefix} ("stdout", "error", "display"...). */
        String text(String kindPrefix) {
            var sb = new StringBuilder();
            for (var s : sections) {
                if (s.getKey().startsWith(kindPrefix)) {
                    sb.append(s.getValue()).append('\n');
                }
            }
            return sb.toString();
        }

        /** The error sections ("ename: evalue" plus traceback) of this cell. */
        List<String> errors() {
            var out = new ArrayList<String>();
            for (var s : sections) {
                if (s.getKey().startsWith("error")) {
                    out.add(s.getKey() + "\n" + s.getValue());
                }
            }
            return out;
        }

        /** Every match of {@code regex} in the cell's output, group 1 of each (or the whole match). */
        List<String> matches(String regex) {
            Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text());
            var out = new ArrayList<String>();
            while (m.find()) {
                out.add(m.groupCount() > 0 ? m.group(1) : m.group());
            }
            return out;
        }
    }

    private final String name;
    private final Map<String, Cell> cells;

    private Transcript(String name, Map<String, Cell> cells) {
        this.name = name;
        this.cells = cells;
    }

    static Transcript read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read notebook transcript " + file, e);
        }
        var cells = new LinkedHashMap<String, Cell>();
        Cell current = null;
        String kind = null;
        var text = new StringBuilder();
        for (String line : lines) {
            Matcher m = CELL.matcher(line);
            if (m.matches() || line.startsWith("---- ")) {
                if (current != null && kind != null) {
                    current.sections().add(Map.entry(kind, text.toString()));
                }
                kind = null;
                text.setLength(0);
                if (m.matches()) {
                    current = new Cell(m.group(1), m.group(2), Long.parseLong(m.group(3)), new ArrayList<>());
                    cells.put(current.id(), current);
                } else {
                    kind = line.substring(5);
                }
            } else if (kind != null) {
                text.append(line).append('\n');
            }
        }
        if (current != null && kind != null) {
            current.sections().add(Map.entry(kind, text.toString()));
        }
        String fileName = file.getFileName().toString();
        return new Transcript(fileName.replaceFirst("\\.txt$", ""), cells);
    }

    String name() {
        return name;
    }

    /** The cell with this nbformat id; fails naming the ids there are when it is missing. */
    Cell cell(String id) {
        Cell c = cells.get(id);
        if (c == null) {
            throw new AssertionError("notebook " + name + " has no cell '" + id + "'; cells: " + cells.keySet());
        }
        return c;
    }

    /** Every error output of every cell, each prefixed with its cell id. */
    List<String> errors() {
        var out = new ArrayList<String>();
        for (Cell c : cells.values()) {
            for (String e : c.errors()) {
                out.add("[" + c.id() + "] " + e);
            }
        }
        return out;
    }

    /** Total milliseconds of all cells. */
    long millis() {
        return cells.values().stream().mapToLong(Cell::millis).sum();
    }
}
