package jproc.process;

import java.util.List;
import java.util.Map;

/**
 * What a {@link CodeProvider} hands to a child: class bytes to define and static values to restore.
 *
 * @param classes binary class name ({@code REPL.$JShell$12}) to class file bytes
 * @param statics static field values the child receives as copies, restored before the target runs
 */
public record CodeSnapshot(Map<String, byte[]> classes, List<StaticValue> statics) {
    /** A snapshot with no classes and no statics. */
    public static final CodeSnapshot EMPTY = new CodeSnapshot(Map.of(), List.of());

    /** Copies the arguments; null means empty. */
    public CodeSnapshot {
        classes = classes == null ? Map.of() : Map.copyOf(classes);
        statics = statics == null ? List.of() : List.copyOf(statics);
    }
}
