package jproc.magics.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jproc.magics.args.UnknownNameException;
import jproc.process.ChildProcess;
import jproc.process.ChildProcesses;

/** Finds the children this kernel started by name; an unknown name gets the closest known ones. */
public final class ProcessNames {
    private ProcessNames() {
    }

    /**
     * The child with this name: the newest one still alive, else the newest one.
     *
     * @throws UnknownNameException if no child has that name
     */
    public static ChildProcess find(String name) {
        List<ChildProcess> all = ChildProcesses.children();
        ChildProcess newest = null;
        for (int i = all.size() - 1; i >= 0; i--) {
            ChildProcess p = all.get(i);
            if (p.name().equals(name)) {
                if (p.isAlive()) {
                    return p;
                }
                if (newest == null) {
                    newest = p;
                }
            }
        }
        if (newest == null) {
            throw new UnknownNameException("process", name, names());
        }
        return newest;
    }

    /** Every child with one of these names (each name must exist). */
    public static List<ChildProcess> findAll(List<String> names) {
        var out = new ArrayList<ChildProcess>();
        for (String n : names) {
            out.add(find(n));
        }
        return out;
    }

    /** The names of every child, oldest first, each once. */
    public static List<String> names() {
        var set = new LinkedHashSet<String>();
        ChildProcesses.children().forEach(p -> set.add(p.name()));
        return List.copyOf(set);
    }
}
